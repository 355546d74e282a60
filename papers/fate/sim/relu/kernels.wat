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
  ;; One full-batch gradient evaluation of the float64 empirical §4 loss ('test'/'quick' sizes, d ≤ 32), the twin of
  ;; gdKernels.ts's unrolled JavaScript kernel (and so of train.ts's plain loops) in the same operations and order:
  ;;   forward: H[a, i] = Σ_k x_ak w_ik (k ascending from +0), f_a = Σ_i c_i H[a, i] over i ascending where H > 0,
  ;;            r_a = f_a / m − y_a, returns Σ_a r_a² (a ascending);
  ;;   backward: gW[i, k] = Σ_a r_a x_ak and gc[i] = Σ_a r_a H[a, i] (a ascending from +0), skipping exactly the terms
  ;;            the JavaScript skips (r_a = 0 or H[a, i] ≤ 0).
  ;; The f64x2 lanes are two neurons (forward: W interleaved in pairs, wp[(p·d + k)·2 + lane] = w_{2p+lane, k}; for odd m
  ;; the last neuron's row follows) or two coordinates k (backward) — never two terms of one sum. No fused multiply-add.
  (func (export "grad") (param $x i32) (param $y i32) (param $wp i32) (param $c i32) (param $n i32) (param $m i32) (param $d i32)
    (param $h i32) (param $r i32) (param $gw i32) (param $gc i32) (result f64)
    (local $a i32) (local $i i32) (local $p i32) (local $k i32) (local $xo i32) (local $ho i32) (local $wo i32) (local $go i32) (local $pairs i32)
    (local $ds i32) (local $ko i32) (local $k0 i32) (local $cnt i32)
    (local $f f64) (local $s f64) (local $s1 f64) (local $ra f64) (local $sq f64) (local $hv f64) (local $gci f64)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128) (local $tv v128) (local $xs v128)
    (local.set $pairs (i32.shr_u (local.get $m) (i32.const 1)))
    (local.set $ds (i32.shl (local.get $d) (i32.const 4)))
    (local.set $sq (f64.const 0))
    (local.set $a (i32.const 0))
    (block $fa_done (loop $fa
      (br_if $fa_done (i32.ge_u (local.get $a) (local.get $n)))
      (local.set $xo (i32.add (local.get $x) (i32.shl (i32.mul (local.get $a) (local.get $d)) (i32.const 3))))
      (local.set $ho (i32.add (local.get $h) (i32.shl (i32.mul (local.get $a) (local.get $m)) (i32.const 3))))
      (local.set $f (f64.const 0))
      (local.set $p (i32.const 0))
      ;; four neuron pairs at a time (independent sums, for instruction-level parallelism), then one pair at a time;
      ;; f takes the eight neurons' terms in increasing i either way
      (block $g4_done (loop $g4
        (br_if $g4_done (i32.gt_u (i32.add (local.get $p) (i32.const 4)) (local.get $pairs)))
        (local.set $wo (i32.add (local.get $wp) (i32.shl (i32.mul (local.get $p) (local.get $d)) (i32.const 4))))
        (local.set $acc0 (f64x2.splat (f64.const 0)))
        (local.set $acc1 (f64x2.splat (f64.const 0)))
        (local.set $acc2 (f64x2.splat (f64.const 0)))
        (local.set $acc3 (f64x2.splat (f64.const 0)))
        (local.set $k (i32.const 0))
        (local.set $ko (local.get $wo))
        (block $g4k_done (loop $g4k
          (br_if $g4k_done (i32.ge_u (local.get $k) (local.get $d)))
          (local.set $xs (f64x2.splat (f64.load (i32.add (local.get $xo) (i32.shl (local.get $k) (i32.const 3))))))
          (local.set $acc0 (f64x2.add (local.get $acc0) (f64x2.mul (local.get $xs) (v128.load (local.get $ko)))))
          (local.set $acc1 (f64x2.add (local.get $acc1) (f64x2.mul (local.get $xs) (v128.load (i32.add (local.get $ko) (local.get $ds))))))
          (local.set $acc2 (f64x2.add (local.get $acc2) (f64x2.mul (local.get $xs) (v128.load (i32.add (local.get $ko) (i32.shl (local.get $ds) (i32.const 1)))))))
          (local.set $acc3 (f64x2.add (local.get $acc3) (f64x2.mul (local.get $xs) (v128.load (i32.add (local.get $ko) (i32.mul (local.get $ds) (i32.const 3)))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (local.set $ko (i32.add (local.get $ko) (i32.const 16)))
          (br $g4k)))
        (local.set $s (f64x2.extract_lane 0 (local.get $acc0)))
        (local.set $s1 (f64x2.extract_lane 1 (local.get $acc0)))
        (f64.store (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 0)) (i32.const 4))) (local.get $s))
        (f64.store offset=8 (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 0)) (i32.const 4))) (local.get $s1))
        (if (f64.gt (local.get $s) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 0)) (i32.const 4)))) (local.get $s))))))
        (if (f64.gt (local.get $s1) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load offset=8 (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 0)) (i32.const 4)))) (local.get $s1))))))
        (local.set $s (f64x2.extract_lane 0 (local.get $acc1)))
        (local.set $s1 (f64x2.extract_lane 1 (local.get $acc1)))
        (f64.store (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 1)) (i32.const 4))) (local.get $s))
        (f64.store offset=8 (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 1)) (i32.const 4))) (local.get $s1))
        (if (f64.gt (local.get $s) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 1)) (i32.const 4)))) (local.get $s))))))
        (if (f64.gt (local.get $s1) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load offset=8 (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 1)) (i32.const 4)))) (local.get $s1))))))
        (local.set $s (f64x2.extract_lane 0 (local.get $acc2)))
        (local.set $s1 (f64x2.extract_lane 1 (local.get $acc2)))
        (f64.store (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 2)) (i32.const 4))) (local.get $s))
        (f64.store offset=8 (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 2)) (i32.const 4))) (local.get $s1))
        (if (f64.gt (local.get $s) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 2)) (i32.const 4)))) (local.get $s))))))
        (if (f64.gt (local.get $s1) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load offset=8 (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 2)) (i32.const 4)))) (local.get $s1))))))
        (local.set $s (f64x2.extract_lane 0 (local.get $acc3)))
        (local.set $s1 (f64x2.extract_lane 1 (local.get $acc3)))
        (f64.store (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 3)) (i32.const 4))) (local.get $s))
        (f64.store offset=8 (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 3)) (i32.const 4))) (local.get $s1))
        (if (f64.gt (local.get $s) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 3)) (i32.const 4)))) (local.get $s))))))
        (if (f64.gt (local.get $s1) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load offset=8 (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 3)) (i32.const 4)))) (local.get $s1))))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $g4)))
      (block $fp_done (loop $fp
        (br_if $fp_done (i32.ge_u (local.get $p) (local.get $pairs)))
        (local.set $wo (i32.add (local.get $wp) (i32.shl (i32.mul (local.get $p) (local.get $d)) (i32.const 4))))
        (local.set $acc0 (f64x2.splat (f64.const 0)))
        (local.set $k (i32.const 0))
        (block $fk_done (loop $fk
          (br_if $fk_done (i32.ge_u (local.get $k) (local.get $d)))
          (local.set $acc0 (f64x2.add (local.get $acc0)
            (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $xo) (i32.shl (local.get $k) (i32.const 3)))))
                       (v128.load (i32.add (local.get $wo) (i32.shl (local.get $k) (i32.const 4)))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $fk)))
        (local.set $s (f64x2.extract_lane 0 (local.get $acc0)))
        (local.set $s1 (f64x2.extract_lane 1 (local.get $acc0)))
        (f64.store (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 0)) (i32.const 4))) (local.get $s))
        (f64.store offset=8 (i32.add (local.get $ho) (i32.shl (i32.add (local.get $p) (i32.const 0)) (i32.const 4))) (local.get $s1))
        (if (f64.gt (local.get $s) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 0)) (i32.const 4)))) (local.get $s))))))
        (if (f64.gt (local.get $s1) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load offset=8 (i32.add (local.get $c) (i32.shl (i32.add (local.get $p) (i32.const 0)) (i32.const 4)))) (local.get $s1))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $fp)))
      (if (i32.and (local.get $m) (i32.const 1)) (then
        (local.set $wo (i32.add (local.get $wp) (i32.shl (i32.mul (local.get $pairs) (local.get $d)) (i32.const 4))))
        (local.set $s (f64.const 0))
        (local.set $k (i32.const 0))
        (block $lk_done (loop $lk
          (br_if $lk_done (i32.ge_u (local.get $k) (local.get $d)))
          (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (i32.add (local.get $xo) (i32.shl (local.get $k) (i32.const 3))))
                                                         (f64.load (i32.add (local.get $wo) (i32.shl (local.get $k) (i32.const 3)))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $lk)))
        (local.set $i (i32.sub (local.get $m) (i32.const 1)))
        (f64.store (i32.add (local.get $ho) (i32.shl (local.get $i) (i32.const 3))) (local.get $s))
        (if (f64.gt (local.get $s) (f64.const 0)) (then
          (local.set $f (f64.add (local.get $f) (f64.mul (f64.load (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 3)))) (local.get $s))))))))
      (local.set $ra (f64.sub (f64.div (local.get $f) (f64.convert_i32_u (local.get $m)))
                              (f64.load (i32.add (local.get $y) (i32.shl (local.get $a) (i32.const 3))))))
      (f64.store (i32.add (local.get $r) (i32.shl (local.get $a) (i32.const 3))) (local.get $ra))
      (local.set $sq (f64.add (local.get $sq) (f64.mul (local.get $ra) (local.get $ra))))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $fa)))
    ;; backward: per neuron, the coordinates in chunks of eight (four f64x2 sums held in locals across the pass over a;
    ;; lanes past d in the last chunk read whatever follows in memory and are never stored); gc in the first chunk's pass
    (local.set $i (i32.const 0))
    (block $bi_done (loop $bi
      (br_if $bi_done (i32.ge_u (local.get $i) (local.get $m)))
      (local.set $go (i32.add (local.get $gw) (i32.shl (i32.mul (local.get $i) (local.get $d)) (i32.const 3))))
      (local.set $gci (f64.const 0))
      (local.set $k0 (i32.const 0))
      (block $ck_done (loop $ck
        (br_if $ck_done (i32.ge_u (local.get $k0) (local.get $d)))
        (local.set $acc0 (f64x2.splat (f64.const 0)))
        (local.set $acc1 (f64x2.splat (f64.const 0)))
        (local.set $acc2 (f64x2.splat (f64.const 0)))
        (local.set $acc3 (f64x2.splat (f64.const 0)))
        (local.set $a (i32.const 0))
        (block $ba_done (loop $ba
          (br_if $ba_done (i32.ge_u (local.get $a) (local.get $n)))
          (local.set $ra (f64.load (i32.add (local.get $r) (i32.shl (local.get $a) (i32.const 3)))))
          (local.set $hv (f64.load (i32.add (local.get $h) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $m)) (local.get $i)) (i32.const 3)))))
          ;; JavaScript: if (ra === 0) continue; if (h <= 0) continue;
          (if (i32.and (f64.ne (local.get $ra) (f64.const 0)) (i32.eqz (f64.le (local.get $hv) (f64.const 0)))) (then
            (if (i32.eqz (local.get $k0)) (then
              (local.set $gci (f64.add (local.get $gci) (f64.mul (local.get $ra) (local.get $hv))))))
            (local.set $xo (i32.add (local.get $x) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $d)) (local.get $k0)) (i32.const 3))))
            (local.set $tv (f64x2.splat (local.get $ra)))
            (local.set $acc0 (f64x2.add (local.get $acc0) (f64x2.mul (local.get $tv) (v128.load (local.get $xo)))))
            (local.set $acc1 (f64x2.add (local.get $acc1) (f64x2.mul (local.get $tv) (v128.load offset=16 (local.get $xo)))))
            (local.set $acc2 (f64x2.add (local.get $acc2) (f64x2.mul (local.get $tv) (v128.load offset=32 (local.get $xo)))))
            (local.set $acc3 (f64x2.add (local.get $acc3) (f64x2.mul (local.get $tv) (v128.load offset=48 (local.get $xo)))))))
          (local.set $a (i32.add (local.get $a) (i32.const 1)))
          (br $ba)))
        (local.set $cnt (i32.sub (local.get $d) (local.get $k0)))
        (if (i32.gt_u (local.get $cnt) (i32.const 8)) (then (local.set $cnt (i32.const 8))))
        (local.set $ko (i32.add (local.get $go) (i32.shl (local.get $k0) (i32.const 3))))
        (if (i32.ge_u (local.get $cnt) (i32.const 2)) (then (v128.store (local.get $ko) (local.get $acc0))))
        (if (i32.ge_u (local.get $cnt) (i32.const 4)) (then (v128.store offset=16 (local.get $ko) (local.get $acc1))))
        (if (i32.ge_u (local.get $cnt) (i32.const 6)) (then (v128.store offset=32 (local.get $ko) (local.get $acc2))))
        (if (i32.ge_u (local.get $cnt) (i32.const 8)) (then (v128.store offset=48 (local.get $ko) (local.get $acc3))))
        ;; odd count: the last coordinate is lane 0 of the next sum
        (if (i32.eq (local.get $cnt) (i32.const 1)) (then (f64.store (local.get $ko) (f64x2.extract_lane 0 (local.get $acc0)))))
        (if (i32.eq (local.get $cnt) (i32.const 3)) (then (f64.store offset=16 (local.get $ko) (f64x2.extract_lane 0 (local.get $acc1)))))
        (if (i32.eq (local.get $cnt) (i32.const 5)) (then (f64.store offset=32 (local.get $ko) (f64x2.extract_lane 0 (local.get $acc2)))))
        (if (i32.eq (local.get $cnt) (i32.const 7)) (then (f64.store offset=48 (local.get $ko) (f64x2.extract_lane 0 (local.get $acc3)))))
        (local.set $k0 (i32.add (local.get $k0) (i32.const 8)))
        (br $ck)))
      (f64.store (i32.add (local.get $gc) (i32.shl (local.get $i) (i32.const 3))) (local.get $gci))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $bi)))
    (local.get $sq)
  )
  ;; Elementwise passes of symEig.ts's tred2/tql2 (the Householder tridiagonalisation and QL iteration of a symmetric
  ;; matrix, the eigensolver of least squares on 1000 student features), two entries per f64x2 op — each entry the
  ;; same operations as symEig.ts's JavaScript loop, no sums across entries, no fused multiply-add, so bit for bit.
  ;;   rot:  for k < n: h = B[k]; B[k] = s·A[k] + c·h; A[k] = c·A[k] − s·h        (a Givens rotation of rows A, B)
  ;;   r2:   for k < len: V[k] = V[k] − (f·E[k] + g·D[k])                            (tred2's rank-two update)
  ;;   axpy: for k < len: V[k] = V[k] − g·D[k]                                       (tred2's accumulation)
  (func (export "rot") (param $a i32) (param $b i32) (param $n i32) (param $c f64) (param $s f64)
    (local $k i32) (local $va v128) (local $vb v128) (local $vc v128) (local $vs v128) (local $x f64) (local $h f64) (local $o i32)
    (local.set $vc (f64x2.splat (local.get $c)))
    (local.set $vs (f64x2.splat (local.get $s)))
    (local.set $k (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 2)) (local.get $n)))
      (local.set $o (i32.shl (local.get $k) (i32.const 3)))
      (local.set $va (v128.load (i32.add (local.get $a) (local.get $o))))
      (local.set $vb (v128.load (i32.add (local.get $b) (local.get $o))))
      (v128.store (i32.add (local.get $b) (local.get $o)) (f64x2.add (f64x2.mul (local.get $vs) (local.get $va)) (f64x2.mul (local.get $vc) (local.get $vb))))
      (v128.store (i32.add (local.get $a) (local.get $o)) (f64x2.sub (f64x2.mul (local.get $vc) (local.get $va)) (f64x2.mul (local.get $vs) (local.get $vb))))
      (local.set $k (i32.add (local.get $k) (i32.const 2)))
      (br $l)))
    (if (i32.lt_u (local.get $k) (local.get $n)) (then
      (local.set $o (i32.shl (local.get $k) (i32.const 3)))
      (local.set $x (f64.load (i32.add (local.get $a) (local.get $o))))
      (local.set $h (f64.load (i32.add (local.get $b) (local.get $o))))
      (f64.store (i32.add (local.get $b) (local.get $o)) (f64.add (f64.mul (local.get $s) (local.get $x)) (f64.mul (local.get $c) (local.get $h))))
      (f64.store (i32.add (local.get $a) (local.get $o)) (f64.sub (f64.mul (local.get $c) (local.get $x)) (f64.mul (local.get $s) (local.get $h))))))
  )
  (func (export "r2") (param $v i32) (param $e i32) (param $d i32) (param $len i32) (param $f f64) (param $g f64)
    (local $k i32) (local $o i32) (local $vf v128) (local $vg v128)
    (local.set $vf (f64x2.splat (local.get $f)))
    (local.set $vg (f64x2.splat (local.get $g)))
    (local.set $k (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 2)) (local.get $len)))
      (local.set $o (i32.shl (local.get $k) (i32.const 3)))
      (v128.store (i32.add (local.get $v) (local.get $o))
        (f64x2.sub (v128.load (i32.add (local.get $v) (local.get $o)))
          (f64x2.add (f64x2.mul (local.get $vf) (v128.load (i32.add (local.get $e) (local.get $o))))
                     (f64x2.mul (local.get $vg) (v128.load (i32.add (local.get $d) (local.get $o)))))))
      (local.set $k (i32.add (local.get $k) (i32.const 2)))
      (br $l)))
    (if (i32.lt_u (local.get $k) (local.get $len)) (then
      (local.set $o (i32.shl (local.get $k) (i32.const 3)))
      (f64.store (i32.add (local.get $v) (local.get $o))
        (f64.sub (f64.load (i32.add (local.get $v) (local.get $o)))
          (f64.add (f64.mul (local.get $f) (f64.load (i32.add (local.get $e) (local.get $o))))
                   (f64.mul (local.get $g) (f64.load (i32.add (local.get $d) (local.get $o)))))))))
  )
  (func (export "axpy") (param $v i32) (param $d i32) (param $len i32) (param $g f64)
    (local $k i32) (local $o i32) (local $vg v128)
    (local.set $vg (f64x2.splat (local.get $g)))
    (local.set $k (i32.const 0))
    (block $done (loop $l
      (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 2)) (local.get $len)))
      (local.set $o (i32.shl (local.get $k) (i32.const 3)))
      (v128.store (i32.add (local.get $v) (local.get $o))
        (f64x2.sub (v128.load (i32.add (local.get $v) (local.get $o))) (f64x2.mul (local.get $vg) (v128.load (i32.add (local.get $d) (local.get $o))))))
      (local.set $k (i32.add (local.get $k) (i32.const 2)))
      (br $l)))
    (if (i32.lt_u (local.get $k) (local.get $len)) (then
      (local.set $o (i32.shl (local.get $k) (i32.const 3)))
      (f64.store (i32.add (local.get $v) (local.get $o))
        (f64.sub (f64.load (i32.add (local.get $v) (local.get $o))) (f64.mul (local.get $g) (f64.load (i32.add (local.get $d) (local.get $o))))))))
  )
)
