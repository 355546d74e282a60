;; The hot loop of the ptransfer fast path (sim/ptransfer/kernels.ts, rowsJs is the same in JavaScript):
;;   Z[z + l] += Σ_k val[vl + k] · G[g + idx[ix + k]·n + l]      for l in [l0, l1),
;; i.e. one filter's noise responses move by G·Δb over its c active samples. Offsets are in elements
;; (f64 for z, g, vl; i32 for ix). The sum over k runs in groups of 8, then 4, then 1, each group added as
;;   Z + ((((a0 g0 + a1 g1) + a2 g2) + …) + a7 g7)
;; exactly as rowsJs writes it; the two f64x2 lanes are two columns l, never a horizontal sum, and wasm has
;; no fused multiply-add here, so wasm and JavaScript give bit-identical results (tested in wasm.test.ts).
;; `active` lists the samples with z > 0 of one filter (the ReLU mask), branch-free, as activeJs does.
;; Assembled by sim/ptransfer/build-wasm.ts into rows.wasm.ts (features: simd, threads for the shared memory).
(module
  (import "env" "mem" (memory 1 65536 shared))
  (func (export "rows") (param $z i32) (param $g i32) (param $ix i32) (param $vl i32) (param $c i32) (param $n i32) (param $l0 i32) (param $l1 i32)
    (local $k i32) (local $stride i32) (local $b0 i32) (local $bend i32) (local $bpair i32) (local $o i32) (local $t v128) (local $x f64)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32) (local $p4 i32) (local $p5 i32) (local $p6 i32) (local $p7 i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    ;; element offsets → byte addresses; $o runs over the column bytes [b0, bend), pairs up to bpair
    (local.set $z (i32.shl (local.get $z) (i32.const 3)))
    (local.set $g (i32.shl (local.get $g) (i32.const 3)))
    (local.set $vl (i32.shl (local.get $vl) (i32.const 3)))
    (local.set $ix (i32.shl (local.get $ix) (i32.const 2)))
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $b0 (i32.shl (local.get $l0) (i32.const 3)))
    (local.set $bend (i32.shl (local.get $l1) (i32.const 3)))
    (local.set $bpair (i32.add (local.get $b0) (i32.shl (i32.and (i32.sub (local.get $l1) (local.get $l0)) (i32.const -2)) (i32.const 3))))
    ;; 8 rows at a time
    (block $out8 (loop $next8
      (br_if $out8 (i32.gt_s (i32.add (local.get $k) (i32.const 8)) (local.get $c)))
      (local.set $a0 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (local.get $k) (i32.const 3)))))
      (local.set $p0 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (local.get $k) (i32.const 2)))) (local.get $stride))))
      (local.set $a1 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3)))))
      (local.set $p1 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 2)))) (local.get $stride))))
      (local.set $a2 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 2)) (i32.const 3)))))
      (local.set $p2 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 2)) (i32.const 2)))) (local.get $stride))))
      (local.set $a3 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 3)) (i32.const 3)))))
      (local.set $p3 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 3)) (i32.const 2)))) (local.get $stride))))
      (local.set $a4 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 4)) (i32.const 3)))))
      (local.set $p4 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 4)) (i32.const 2)))) (local.get $stride))))
      (local.set $a5 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 5)) (i32.const 3)))))
      (local.set $p5 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 5)) (i32.const 2)))) (local.get $stride))))
      (local.set $a6 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 6)) (i32.const 3)))))
      (local.set $p6 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 6)) (i32.const 2)))) (local.get $stride))))
      (local.set $a7 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 7)) (i32.const 3)))))
      (local.set $p7 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 7)) (i32.const 2)))) (local.get $stride))))
      (local.set $o (local.get $b0))
      (block $vdone8 (loop $v8
        (br_if $vdone8 (i32.ge_u (local.get $o) (local.get $bpair)))
        (local.set $t (f64x2.mul (local.get $a0) (v128.load (i32.add (local.get $p0) (local.get $o)))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a1) (v128.load (i32.add (local.get $p1) (local.get $o))))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a2) (v128.load (i32.add (local.get $p2) (local.get $o))))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a3) (v128.load (i32.add (local.get $p3) (local.get $o))))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a4) (v128.load (i32.add (local.get $p4) (local.get $o))))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a5) (v128.load (i32.add (local.get $p5) (local.get $o))))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a6) (v128.load (i32.add (local.get $p6) (local.get $o))))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a7) (v128.load (i32.add (local.get $p7) (local.get $o))))))
        (v128.store (i32.add (local.get $z) (local.get $o)) (f64x2.add (v128.load (i32.add (local.get $z) (local.get $o))) (local.get $t)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $v8)))
      ;; odd tail: one scalar column, same order
      (if (i32.lt_u (local.get $o) (local.get $bend)) (then
        (local.set $x (f64.mul (f64x2.extract_lane 0 (local.get $a0)) (f64.load (i32.add (local.get $p0) (local.get $o)))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a1)) (f64.load (i32.add (local.get $p1) (local.get $o))))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a2)) (f64.load (i32.add (local.get $p2) (local.get $o))))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a3)) (f64.load (i32.add (local.get $p3) (local.get $o))))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a4)) (f64.load (i32.add (local.get $p4) (local.get $o))))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a5)) (f64.load (i32.add (local.get $p5) (local.get $o))))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a6)) (f64.load (i32.add (local.get $p6) (local.get $o))))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a7)) (f64.load (i32.add (local.get $p7) (local.get $o))))))
        (f64.store (i32.add (local.get $z) (local.get $o)) (f64.add (f64.load (i32.add (local.get $z) (local.get $o))) (local.get $x)))))
      (local.set $k (i32.add (local.get $k) (i32.const 8)))
      (br $next8)))
    ;; 4 rows at a time
    (block $out4 (loop $next4
      (br_if $out4 (i32.gt_s (i32.add (local.get $k) (i32.const 4)) (local.get $c)))
      (local.set $a0 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (local.get $k) (i32.const 3)))))
      (local.set $p0 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (local.get $k) (i32.const 2)))) (local.get $stride))))
      (local.set $a1 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3)))))
      (local.set $p1 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 2)))) (local.get $stride))))
      (local.set $a2 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 2)) (i32.const 3)))))
      (local.set $p2 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 2)) (i32.const 2)))) (local.get $stride))))
      (local.set $a3 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (i32.add (local.get $k) (i32.const 3)) (i32.const 3)))))
      (local.set $p3 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (i32.add (local.get $k) (i32.const 3)) (i32.const 2)))) (local.get $stride))))
      (local.set $o (local.get $b0))
      (block $vdone4 (loop $v4
        (br_if $vdone4 (i32.ge_u (local.get $o) (local.get $bpair)))
        (local.set $t (f64x2.mul (local.get $a0) (v128.load (i32.add (local.get $p0) (local.get $o)))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a1) (v128.load (i32.add (local.get $p1) (local.get $o))))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a2) (v128.load (i32.add (local.get $p2) (local.get $o))))))
        (local.set $t (f64x2.add (local.get $t) (f64x2.mul (local.get $a3) (v128.load (i32.add (local.get $p3) (local.get $o))))))
        (v128.store (i32.add (local.get $z) (local.get $o)) (f64x2.add (v128.load (i32.add (local.get $z) (local.get $o))) (local.get $t)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $v4)))
      ;; odd tail: one scalar column, same order
      (if (i32.lt_u (local.get $o) (local.get $bend)) (then
        (local.set $x (f64.mul (f64x2.extract_lane 0 (local.get $a0)) (f64.load (i32.add (local.get $p0) (local.get $o)))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a1)) (f64.load (i32.add (local.get $p1) (local.get $o))))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a2)) (f64.load (i32.add (local.get $p2) (local.get $o))))))
        (local.set $x (f64.add (local.get $x) (f64.mul (f64x2.extract_lane 0 (local.get $a3)) (f64.load (i32.add (local.get $p3) (local.get $o))))))
        (f64.store (i32.add (local.get $z) (local.get $o)) (f64.add (f64.load (i32.add (local.get $z) (local.get $o))) (local.get $x)))))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $next4)))
    ;; 1 row at a time
    (block $out1 (loop $next1
      (br_if $out1 (i32.gt_s (i32.add (local.get $k) (i32.const 1)) (local.get $c)))
      (local.set $a0 (v128.load64_splat (i32.add (local.get $vl) (i32.shl (local.get $k) (i32.const 3)))))
      (local.set $p0 (i32.add (local.get $g) (i32.mul (i32.load (i32.add (local.get $ix) (i32.shl (local.get $k) (i32.const 2)))) (local.get $stride))))
      (local.set $o (local.get $b0))
      (block $vdone1 (loop $v1
        (br_if $vdone1 (i32.ge_u (local.get $o) (local.get $bpair)))
        (local.set $t (f64x2.mul (local.get $a0) (v128.load (i32.add (local.get $p0) (local.get $o)))))
        (v128.store (i32.add (local.get $z) (local.get $o)) (f64x2.add (v128.load (i32.add (local.get $z) (local.get $o))) (local.get $t)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $v1)))
      ;; odd tail: one scalar column, same order
      (if (i32.lt_u (local.get $o) (local.get $bend)) (then
        (local.set $x (f64.mul (f64x2.extract_lane 0 (local.get $a0)) (f64.load (i32.add (local.get $p0) (local.get $o)))))
        (f64.store (i32.add (local.get $z) (local.get $o)) (f64.add (f64.load (i32.add (local.get $z) (local.get $o))) (local.get $x)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $next1)))
  )

  ;; idx[ix + c] = i for every i < n with Z[z + i] > 0, in increasing i; returns c. Offsets in elements.
  (func (export "active") (param $z i32) (param $ix i32) (param $n i32) (result i32)
    (local $i i32) (local $c i32)
    (local.set $z (i32.shl (local.get $z) (i32.const 3)))
    (local.set $ix (i32.shl (local.get $ix) (i32.const 2)))
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (i32.store (i32.add (local.get $ix) (i32.shl (local.get $c) (i32.const 2))) (local.get $i))
      (local.set $c (i32.add (local.get $c) (f64.gt (f64.load (i32.add (local.get $z) (i32.shl (local.get $i) (i32.const 3)))) (f64.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $c))
)
