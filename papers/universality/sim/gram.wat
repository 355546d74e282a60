;; XXᵀ for the universality designs, two output columns per f64x2 lane pair (sim/gramWasm.ts).
;; gram(x, p, g, n, d, gs): X n×d row-major f64 at byte offset x; P at p: the rows of X in pairs, pair q holding
;; (X[2q,k], X[2q+1,k]) for k = 0..d-1 (the odd last pair padded with zeros); G at g with row stride gs (even ≥ n).
;; For rows i (two at a time) and every pair q with 2q ≤ i + 1 it writes G[i][2q], G[i][2q+1] (and row i+1's): each
;; lane is Σ_k X[i,k]·X[j,k] summed in k order from 0 by separate multiply and add — the arithmetic of gramRows.
(module
  (memory (export "mem") 1)
  (func (export "gram") (param $x i32) (param $p i32) (param $g i32) (param $n i32) (param $d i32) (param $gs i32)
    (local $i i32) (local $q i32) (local $k i32) (local $ra i32) (local $rb i32) (local $pq i32) (local $pr i32)
    (local $two i32) (local $qmax i32) (local $ga i32)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128) (local $xa v128) (local $xb v128)
    (local $v0 v128) (local $v1 v128)
    (local.set $i (i32.const 0))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $i) (local.get $n)))
        ;; row a = i, row b = i + 1 (or i again when i is the last row; its results are not stored)
        (local.set $ra (i32.add (local.get $x) (i32.shl (i32.mul (local.get $i) (local.get $d)) (i32.const 3))))
        (local.set $two (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n)))
        (local.set $rb (select (i32.add (local.get $ra) (i32.shl (local.get $d) (i32.const 3))) (local.get $ra) (local.get $two)))
        ;; pairs q = 0 .. (i + 1) / 2
        (local.set $qmax (i32.shr_u (i32.add (local.get $i) (i32.const 1)) (i32.const 1)))
        (local.set $q (i32.const 0))
        (block $pairs_done
          (loop $pairs
            (br_if $pairs_done (i32.gt_u (local.get $q) (local.get $qmax)))
            (local.set $pq (i32.add (local.get $p) (i32.shl (i32.mul (local.get $q) (local.get $d)) (i32.const 4))))
            (if (i32.lt_u (local.get $q) (local.get $qmax))
              (then
                ;; two pairs q, q + 1: four accumulators
                (local.set $pr (i32.add (local.get $pq) (i32.shl (local.get $d) (i32.const 4))))
                (local.set $a0 (v128.const f64x2 0 0)) (local.set $a1 (v128.const f64x2 0 0))
                (local.set $b0 (v128.const f64x2 0 0)) (local.set $b1 (v128.const f64x2 0 0))
                (local.set $k (i32.const 0))
                (block $k2_done
                  (loop $k2
                    (br_if $k2_done (i32.ge_u (local.get $k) (local.get $d)))
                    (local.set $xa (v128.load64_splat (i32.add (local.get $ra) (i32.shl (local.get $k) (i32.const 3)))))
                    (local.set $xb (v128.load64_splat (i32.add (local.get $rb) (i32.shl (local.get $k) (i32.const 3)))))
                    (local.set $v0 (v128.load (i32.add (local.get $pq) (i32.shl (local.get $k) (i32.const 4)))))
                    (local.set $v1 (v128.load (i32.add (local.get $pr) (i32.shl (local.get $k) (i32.const 4)))))
                    (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $xa) (local.get $v0))))
                    (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $xa) (local.get $v1))))
                    (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $xb) (local.get $v0))))
                    (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $xb) (local.get $v1))))
                    (local.set $k (i32.add (local.get $k) (i32.const 1)))
                    (br $k2)))
                (local.set $ga (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $gs)) (i32.shl (local.get $q) (i32.const 1))) (i32.const 3))))
                (v128.store (local.get $ga) (local.get $a0))
                (v128.store (i32.add (local.get $ga) (i32.const 16)) (local.get $a1))
                (if (local.get $two)
                  (then
                    (v128.store (i32.add (local.get $ga) (i32.shl (local.get $gs) (i32.const 3))) (local.get $b0))
                    (v128.store (i32.add (local.get $ga) (i32.add (i32.shl (local.get $gs) (i32.const 3)) (i32.const 16))) (local.get $b1))))
                (local.set $q (i32.add (local.get $q) (i32.const 2))))
              (else
                ;; the last pair alone
                (local.set $a0 (v128.const f64x2 0 0)) (local.set $b0 (v128.const f64x2 0 0))
                (local.set $k (i32.const 0))
                (block $k1_done
                  (loop $k1
                    (br_if $k1_done (i32.ge_u (local.get $k) (local.get $d)))
                    (local.set $v0 (v128.load (i32.add (local.get $pq) (i32.shl (local.get $k) (i32.const 4)))))
                    (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load64_splat (i32.add (local.get $ra) (i32.shl (local.get $k) (i32.const 3)))) (local.get $v0))))
                    (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (v128.load64_splat (i32.add (local.get $rb) (i32.shl (local.get $k) (i32.const 3)))) (local.get $v0))))
                    (local.set $k (i32.add (local.get $k) (i32.const 1)))
                    (br $k1)))
                (local.set $ga (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $gs)) (i32.shl (local.get $q) (i32.const 1))) (i32.const 3))))
                (v128.store (local.get $ga) (local.get $a0))
                (if (local.get $two)
                  (then (v128.store (i32.add (local.get $ga) (i32.shl (local.get $gs) (i32.const 3))) (local.get $b0))))
                (local.set $q (i32.add (local.get $q) (i32.const 1)))))
            (br $pairs)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $rows))))
  ;; trisolve(l, b, n, d, tr): linalg.ts triSolveRows in place on B (n×d at byte offset b) with L (n×n at l): rows i in
  ;; order (tr = 0: 0..n-1, coefficients L[i][k], k < i; tr = 1: n-1..0, coefficients L[k][i], k > i), source rows k
  ;; in increasing order four at a time, B_i -= ((l0·B_k0 + l1·B_k1) + l2·B_k2) + l3·B_k3, the rest one at a time, then
  ;; B_i *= 1/L[i][i] — per element the same operations in the same order, two columns j per f64x2 lane pair (scalar
  ;; f64 for an odd last column).
  (func $coef (param $l i32) (param $n i32) (param $i i32) (param $k i32) (param $tr i32) (result f64)
    (f64.load (i32.add (local.get $l) (i32.shl
      (select (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $i)) (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $k)) (local.get $tr))
      (i32.const 3)))))
  (func (export "trisolve") (param $l i32) (param $b i32) (param $n i32) (param $d i32) (param $tr i32)
    (local $t i32) (local $i i32) (local $k i32) (local $kend i32) (local $j i32) (local $ri i32) (local $dp i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $l0 f64) (local $l1 f64) (local $l2 f64) (local $l3 f64) (local $inv f64)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128) (local $s v128)
    (local.set $dp (i32.and (local.get $d) (i32.const -2)))
    (local.set $t (i32.const 0))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $t) (local.get $n)))
        (local.set $i (select (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $t)) (local.get $t) (local.get $tr)))
        (local.set $ri (i32.add (local.get $b) (i32.shl (i32.mul (local.get $i) (local.get $d)) (i32.const 3))))
        ;; k from (tr ? i+1 : 0) to (tr ? n : i), exclusive end
        (local.set $k (select (i32.add (local.get $i) (i32.const 1)) (i32.const 0) (local.get $tr)))
        (local.set $kend (select (local.get $n) (local.get $i) (local.get $tr)))
        (block $g4_done
          (loop $g4
            (br_if $g4_done (i32.gt_u (i32.add (local.get $k) (i32.const 4)) (local.get $kend)))
            (local.set $l0 (call $coef (local.get $l) (local.get $n) (local.get $i) (local.get $k) (local.get $tr)))
            (local.set $l1 (call $coef (local.get $l) (local.get $n) (local.get $i) (i32.add (local.get $k) (i32.const 1)) (local.get $tr)))
            (local.set $l2 (call $coef (local.get $l) (local.get $n) (local.get $i) (i32.add (local.get $k) (i32.const 2)) (local.get $tr)))
            (local.set $l3 (call $coef (local.get $l) (local.get $n) (local.get $i) (i32.add (local.get $k) (i32.const 3)) (local.get $tr)))
            (local.set $a0 (i32.add (local.get $b) (i32.shl (i32.mul (local.get $k) (local.get $d)) (i32.const 3))))
            (local.set $a1 (i32.add (local.get $a0) (i32.shl (local.get $d) (i32.const 3))))
            (local.set $a2 (i32.add (local.get $a1) (i32.shl (local.get $d) (i32.const 3))))
            (local.set $a3 (i32.add (local.get $a2) (i32.shl (local.get $d) (i32.const 3))))
            (local.set $v0 (f64x2.splat (local.get $l0)))
            (local.set $v1 (f64x2.splat (local.get $l1)))
            (local.set $v2 (f64x2.splat (local.get $l2)))
            (local.set $v3 (f64x2.splat (local.get $l3)))
            (local.set $j (i32.const 0))
            (block $j4_done
              (loop $j4
                (br_if $j4_done (i32.ge_u (local.get $j) (local.get $dp)))
                (local.set $s
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $a0) (i32.shl (local.get $j) (i32.const 3)))))
                        (f64x2.mul (local.get $v1) (v128.load (i32.add (local.get $a1) (i32.shl (local.get $j) (i32.const 3))))))
                      (f64x2.mul (local.get $v2) (v128.load (i32.add (local.get $a2) (i32.shl (local.get $j) (i32.const 3))))))
                    (f64x2.mul (local.get $v3) (v128.load (i32.add (local.get $a3) (i32.shl (local.get $j) (i32.const 3)))))))
                (v128.store (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3)))
                  (f64x2.sub (v128.load (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3)))) (local.get $s)))
                (local.set $j (i32.add (local.get $j) (i32.const 2)))
                (br $j4)))
            (if (i32.lt_u (local.get $dp) (local.get $d))
              (then
                (f64.store (i32.add (local.get $ri) (i32.shl (local.get $dp) (i32.const 3)))
                  (f64.sub (f64.load (i32.add (local.get $ri) (i32.shl (local.get $dp) (i32.const 3))))
                    (f64.add (f64.add (f64.add
                      (f64.mul (local.get $l0) (f64.load (i32.add (local.get $a0) (i32.shl (local.get $dp) (i32.const 3)))))
                      (f64.mul (local.get $l1) (f64.load (i32.add (local.get $a1) (i32.shl (local.get $dp) (i32.const 3))))))
                      (f64.mul (local.get $l2) (f64.load (i32.add (local.get $a2) (i32.shl (local.get $dp) (i32.const 3))))))
                      (f64.mul (local.get $l3) (f64.load (i32.add (local.get $a3) (i32.shl (local.get $dp) (i32.const 3))))))))))
            (local.set $k (i32.add (local.get $k) (i32.const 4)))
            (br $g4)))
        (block $g1_done
          (loop $g1
            (br_if $g1_done (i32.ge_u (local.get $k) (local.get $kend)))
            (local.set $l0 (call $coef (local.get $l) (local.get $n) (local.get $i) (local.get $k) (local.get $tr)))
            (local.set $a0 (i32.add (local.get $b) (i32.shl (i32.mul (local.get $k) (local.get $d)) (i32.const 3))))
            (local.set $v0 (f64x2.splat (local.get $l0)))
            (local.set $j (i32.const 0))
            (block $j1_done
              (loop $j1
                (br_if $j1_done (i32.ge_u (local.get $j) (local.get $dp)))
                (v128.store (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3)))
                  (f64x2.sub (v128.load (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3))))
                    (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $a0) (i32.shl (local.get $j) (i32.const 3)))))))
                (local.set $j (i32.add (local.get $j) (i32.const 2)))
                (br $j1)))
            (if (i32.lt_u (local.get $dp) (local.get $d))
              (then
                (f64.store (i32.add (local.get $ri) (i32.shl (local.get $dp) (i32.const 3)))
                  (f64.sub (f64.load (i32.add (local.get $ri) (i32.shl (local.get $dp) (i32.const 3))))
                    (f64.mul (local.get $l0) (f64.load (i32.add (local.get $a0) (i32.shl (local.get $dp) (i32.const 3)))))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $g1)))
        (local.set $inv (f64.div (f64.const 1) (f64.load (i32.add (local.get $l) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $i)) (i32.const 3))))))
        (local.set $v0 (f64x2.splat (local.get $inv)))
        (local.set $j (i32.const 0))
        (block $js_done
          (loop $js
            (br_if $js_done (i32.ge_u (local.get $j) (local.get $dp)))
            (v128.store (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3)))
              (f64x2.mul (v128.load (i32.add (local.get $ri) (i32.shl (local.get $j) (i32.const 3)))) (local.get $v0)))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $js)))
        (if (i32.lt_u (local.get $dp) (local.get $d))
          (then
            (f64.store (i32.add (local.get $ri) (i32.shl (local.get $dp) (i32.const 3)))
              (f64.mul (f64.load (i32.add (local.get $ri) (i32.shl (local.get $dp) (i32.const 3)))) (local.get $inv)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $rows)))))
