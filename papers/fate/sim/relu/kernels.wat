;; The two O(m·n) passes of one empirical gradient evaluation of the §4 student on the mixed-precision path (flow.ts,
;; oracle32), between the two float32 GEMMs: H = W Xᵀ (m × n, float32, row i = neuron i) comes in, and out go
;;   fwd:  f[q] = Σ_i c_i relu(H[i, q])                              (float64, i in increasing order)
;;   back: MT[i, q] = r32[q] if H[i, q] > 0 else +0                  (float32, the masked residuals for Mᵀ X)
;;         vc[i] = Σ_q r[q] relu(H[i, q])                            (float64, q in increasing order)
;; in exactly the operations and order of their JavaScript twins fwdJs / backJs (kernels.ts): the f64x2 lanes of fwd are
;; two columns q, never a horizontal sum; relu gives +0 where the branching loop skipped an entry, and adding c·(+0)
;; changes no sum; wasm has no fused multiply-add. So wasm and JavaScript agree bit for bit (kernels.test.ts).
;; Arguments are byte addresses in the exported memory. Assembled by build-wasm.ts into kernels.wasm.ts (feature: simd).
(module
  (memory (export "mem") 1)
  (func (export "fwd") (param $h i32) (param $c i32) (param $f i32) (param $m i32) (param $n i32)
    (local $i i32) (local $q i32) (local $row i32) (local $fa i32) (local $ci v128) (local $x v128) (local $s f64) (local $zero v128)
    (local.set $zero (f64x2.splat (f64.const 0)))
    (local.set $q (i32.const 0))
    (block $z (loop $zl
      (br_if $z (i32.ge_u (local.get $q) (local.get $n)))
      (f64.store (i32.add (local.get $f) (i32.shl (local.get $q) (i32.const 3))) (f64.const 0))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $zl)))
    (local.set $i (i32.const 0))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $m)))
      (local.set $ci (f64x2.splat (f64.load (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 3))))))
      (local.set $row (i32.add (local.get $h) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 2))))
      (local.set $q (i32.const 0))
      (block $pdone (loop $pairs
        (br_if $pdone (i32.gt_u (i32.add (local.get $q) (i32.const 2)) (local.get $n)))
        (local.set $x (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (i32.shl (local.get $q) (i32.const 2))))))
        ;; pmax(0, x) = 0 < x ? x : 0 — relu with +0 for x ≤ 0
        (local.set $x (f64x2.pmax (local.get $zero) (local.get $x)))
        (local.set $fa (i32.add (local.get $f) (i32.shl (local.get $q) (i32.const 3))))
        (v128.store (local.get $fa) (f64x2.add (v128.load (local.get $fa)) (f64x2.mul (local.get $ci) (local.get $x))))
        (local.set $q (i32.add (local.get $q) (i32.const 2)))
        (br $pairs)))
      (if (i32.lt_u (local.get $q) (local.get $n)) (then
        (local.set $s (f64.promote_f32 (f32.load (i32.add (local.get $row) (i32.shl (local.get $q) (i32.const 2))))))
        (local.set $s (select (local.get $s) (f64.const 0) (f64.gt (local.get $s) (f64.const 0))))
        (local.set $fa (i32.add (local.get $f) (i32.shl (local.get $q) (i32.const 3))))
        (f64.store (local.get $fa) (f64.add (f64.load (local.get $fa)) (f64.mul (f64x2.extract_lane 0 (local.get $ci)) (local.get $s))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
  )
  (func (export "back") (param $h i32) (param $r i32) (param $r32 i32) (param $mt i32) (param $vc i32) (param $m i32) (param $n i32)
    (local $i i32) (local $q i32) (local $row i32) (local $mrow i32) (local $g f64) (local $s f64) (local $zero v128) (local $hv v128) (local $zero2 v128) (local $p v128)
    (local.set $zero (f32x4.splat (f32.const 0)))
    (local.set $zero2 (f64x2.splat (f64.const 0)))
    (local.set $i (i32.const 0))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $m)))
      (local.set $row (i32.add (local.get $h) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 2))))
      (local.set $mrow (i32.add (local.get $mt) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 2))))
      ;; MT row: r32 where h > 0, +0 elsewhere, four columns at a time
      (local.set $q (i32.const 0))
      (block $qdone (loop $quads
        (br_if $qdone (i32.gt_u (i32.add (local.get $q) (i32.const 4)) (local.get $n)))
        (local.set $hv (v128.load (i32.add (local.get $row) (i32.shl (local.get $q) (i32.const 2)))))
        (v128.store (i32.add (local.get $mrow) (i32.shl (local.get $q) (i32.const 2)))
          (v128.and (v128.load (i32.add (local.get $r32) (i32.shl (local.get $q) (i32.const 2)))) (f32x4.gt (local.get $hv) (local.get $zero))))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $quads)))
      (block $tdone (loop $tail
        (br_if $tdone (i32.ge_u (local.get $q) (local.get $n)))
        (f32.store (i32.add (local.get $mrow) (i32.shl (local.get $q) (i32.const 2)))
          (select (f32.load (i32.add (local.get $r32) (i32.shl (local.get $q) (i32.const 2)))) (f32.const 0)
            (f32.gt (f32.load (i32.add (local.get $row) (i32.shl (local.get $q) (i32.const 2)))) (f32.const 0))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $tail)))
      ;; vc[i]: one float64 sum over q in increasing order (as backJs); relu and the products two columns at a time
      ;; (branch-free pmax, lane-wise products), the sum itself lane 0 then lane 1
      (local.set $g (f64.const 0))
      (local.set $q (i32.const 0))
      (block $gdone (loop $gl
        (br_if $gdone (i32.gt_u (i32.add (local.get $q) (i32.const 2)) (local.get $n)))
        (local.set $p (f64x2.mul (v128.load (i32.add (local.get $r) (i32.shl (local.get $q) (i32.const 3))))
          (f64x2.pmax (local.get $zero2) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (i32.shl (local.get $q) (i32.const 2))))))))
        (local.set $g (f64.add (f64.add (local.get $g) (f64x2.extract_lane 0 (local.get $p))) (f64x2.extract_lane 1 (local.get $p))))
        (local.set $q (i32.add (local.get $q) (i32.const 2)))
        (br $gl)))
      (if (i32.lt_u (local.get $q) (local.get $n)) (then
        (local.set $s (f64.promote_f32 (f32.load (i32.add (local.get $row) (i32.shl (local.get $q) (i32.const 2))))))
        (local.set $s (select (local.get $s) (f64.const 0) (f64.gt (local.get $s) (f64.const 0))))
        (local.set $g (f64.add (local.get $g) (f64.mul (f64.load (i32.add (local.get $r) (i32.shl (local.get $q) (i32.const 3)))) (local.get $s))))))
      (f64.store (i32.add (local.get $vc) (i32.shl (local.get $i) (i32.const 3))) (local.get $g))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
  )
)
