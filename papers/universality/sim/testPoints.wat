;; Classification test points of the Rademacher and uniform laws drawn and scored in one pass (sim/testPointsWasm.ts).
;; The generator is FastStream's (rng.ts: xoroshiro128+, pure-rand's, kept there as 32-bit halves) as two i64: one
;; step is out = low32(s0 + s1); a = s0 ^ s1; s0 = rotl(s0, 24) ^ a ^ (a << 16); s1 = rotl(a, 37). The state is read
;; from and written back to memory at $st as (s0 low, s0 high, s1 low, s1 high) i32, the counts at $st + 16, $st + 20.
;; w*, w, w0 (d f64 each) at byte offsets 0, 8d, 16d. Per test point the entries v_k are those of FastStream.fillSigns
;; (bit 0 of out: +1 when set, else −1) or of fillUniforms mapped as core.ts testRow does (u = hi·2⁻²⁶ + lo·2⁻⁵³ from
;; two steps, v = √3·(2u − 1)), and a = Σ v_k w*_k, b = Σ v_k w_k, c = Σ v_k w0_k are summed in k order from 0 by
;; separate multiplies and adds — directDisagreements' arithmetic — so the counts are its counts.
(module
  (memory (export "mem") 1)
  (func (export "points") (param $law i32) (param $d i32) (param $ntest i32) (param $st i32) (param $sqrt3 f64)
    (local $s0 i64) (local $s1 i64) (local $a i64)
    (local $t i32) (local $p i32) (local $end i32) (local $d8 i32) (local $hi i32)
    (local $sa f64) (local $sb f64) (local $sc f64) (local $v f64)
    (local $eft i32) (local $e0 i32)
    (local.set $s0 (i64.load (local.get $st)))
    (local.set $s1 (i64.load offset=8 (local.get $st)))
    (local.set $d8 (i32.shl (local.get $d) (i32.const 3)))
    (local.set $t (i32.const 0))
    (block $tdone
      (loop $tloop
        (br_if $tdone (i32.ge_u (local.get $t) (local.get $ntest)))
        (local.set $sa (f64.const 0)) (local.set $sb (f64.const 0)) (local.set $sc (f64.const 0))
        (local.set $p (i32.const 0))
        (block $kdone
          (loop $kloop
            (br_if $kdone (i32.ge_u (local.get $p) (local.get $d8)))
            (if (local.get $law)
              (then
                ;; uniform: two steps
                (local.set $hi (i32.and (i32.wrap_i64 (i64.add (local.get $s0) (local.get $s1))) (i32.const 0x3ffffff)))
                (local.set $a (i64.xor (local.get $s0) (local.get $s1)))
                (local.set $s0 (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $a)) (i64.shl (local.get $a) (i64.const 16))))
                (local.set $s1 (i64.rotl (local.get $a) (i64.const 37)))
                (local.set $v
                  (f64.add
                    (f64.mul (f64.convert_i32_u (local.get $hi)) (f64.const 0x1p-26))
                    (f64.mul (f64.convert_i32_u (i32.and (i32.wrap_i64 (i64.add (local.get $s0) (local.get $s1))) (i32.const 0x7ffffff))) (f64.const 0x1p-53))))
                (local.set $a (i64.xor (local.get $s0) (local.get $s1)))
                (local.set $s0 (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $a)) (i64.shl (local.get $a) (i64.const 16))))
                (local.set $s1 (i64.rotl (local.get $a) (i64.const 37)))
                (local.set $v (f64.mul (local.get $sqrt3) (f64.sub (f64.mul (f64.const 2) (local.get $v)) (f64.const 1)))))
              (else
                ;; Rademacher: one step, bit 0
                (local.set $v
                  (select (f64.const 1) (f64.const -1)
                    (i32.and (i32.wrap_i64 (i64.add (local.get $s0) (local.get $s1))) (i32.const 1))))
                (local.set $a (i64.xor (local.get $s0) (local.get $s1)))
                (local.set $s0 (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $a)) (i64.shl (local.get $a) (i64.const 16))))
                (local.set $s1 (i64.rotl (local.get $a) (i64.const 37)))))
            (local.set $sa (f64.add (local.get $sa) (f64.mul (local.get $v) (f64.load (local.get $p)))))
            (local.set $sb (f64.add (local.get $sb) (f64.mul (local.get $v) (f64.load (i32.add (local.get $p) (local.get $d8))))))
            (local.set $sc (f64.add (local.get $sc) (f64.mul (local.get $v) (f64.load (i32.add (local.get $p) (i32.shl (local.get $d8) (i32.const 1)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (br $kloop)))
        ;; sign(a) ≠ sign(b) with sign(x) = (x ≥ 0)
        (local.set $eft (i32.add (local.get $eft) (i32.ne (f64.ge (local.get $sa) (f64.const 0)) (f64.ge (local.get $sb) (f64.const 0)))))
        (local.set $e0 (i32.add (local.get $e0) (i32.ne (f64.ge (local.get $sa) (f64.const 0)) (f64.ge (local.get $sc) (f64.const 0)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tloop)))
    (i64.store (local.get $st) (local.get $s0))
    (i64.store offset=8 (local.get $st) (local.get $s1))
    (i32.store offset=16 (local.get $st) (local.get $eft))
    (i32.store offset=20 (local.get $st) (local.get $e0))))
