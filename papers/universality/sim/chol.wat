;; Cholesky A = LLᵀ for the universality Gram matrices (sim/cholWasm.ts): core/linalg/cholesky.ts factorInPlace's
;; operations, each lane in its order — L_jj = √(A_jj − L_j0² − L_j1² − …), L_ij = (A_ij − L_i0 L_j0 − L_i1 L_j1 − …)/L_jj,
;; separate multiplies and subtractions from k = 0 — two rows i per f64x2 lane pair, so L is its L bit for bit.
;; The matrix at byte 0 in row pairs: pair q holds (A[2q][k], A[2q+1][k]) for k = 0..n-1 (16 bytes per k; the odd last
;; pair's second row is padding). Only the lower triangle is read and written. Returns −1, or the first pivot j whose
;; A_jj − Σ L_jk² is not > 0 (then the factor is partial, as factorInPlace leaves it).
(module
  (memory (export "mem") 1)
  (func (export "chol") (param $n i32) (result i32)
    (local $j i32) (local $k i32) (local $q i32) (local $pairs i32) (local $row16 i32)
    (local $pj i32) (local $pi i32) (local $pq i32)
    (local $s f64) (local $x f64) (local $ljj f64) (local $t f64)
    (local $acc v128) (local $div v128)
    (local.set $row16 (i32.shl (local.get $n) (i32.const 4)))
    (local.set $pairs (i32.shr_u (i32.add (local.get $n) (i32.const 1)) (i32.const 1)))
    (local.set $j (i32.const 0))
    (block $jdone
      (loop $jloop
        (br_if $jdone (i32.ge_u (local.get $j) (local.get $n)))
        ;; row j's base: pair j>>1, lane j&1
        (local.set $pj (i32.add (i32.mul (i32.shr_u (local.get $j) (i32.const 1)) (local.get $row16)) (i32.shl (i32.and (local.get $j) (i32.const 1)) (i32.const 3))))
        (local.set $s (f64.load (i32.add (local.get $pj) (i32.shl (local.get $j) (i32.const 4)))))
        (local.set $k (i32.const 0))
        (block $sdone
          (loop $sloop
            (br_if $sdone (i32.ge_u (local.get $k) (local.get $j)))
            (local.set $x (f64.load (i32.add (local.get $pj) (i32.shl (local.get $k) (i32.const 4)))))
            (local.set $s (f64.sub (local.get $s) (f64.mul (local.get $x) (local.get $x))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $sloop)))
        (if (i32.eqz (f64.gt (local.get $s) (f64.const 0))) (then (return (local.get $j))))
        (local.set $ljj (f64.sqrt (local.get $s)))
        (f64.store (i32.add (local.get $pj) (i32.shl (local.get $j) (i32.const 4))) (local.get $ljj))
        ;; j even and j + 1 < n: row j + 1 is the other lane of j's pair (scalar)
        (if (i32.and (i32.eqz (i32.and (local.get $j) (i32.const 1))) (i32.lt_u (i32.add (local.get $j) (i32.const 1)) (local.get $n)))
          (then
            (local.set $pi (i32.add (local.get $pj) (i32.const 8)))
            (local.set $t (f64.load (i32.add (local.get $pi) (i32.shl (local.get $j) (i32.const 4)))))
            (local.set $k (i32.const 0))
            (block $odone
              (loop $oloop
                (br_if $odone (i32.ge_u (local.get $k) (local.get $j)))
                (local.set $t (f64.sub (local.get $t)
                  (f64.mul (f64.load (i32.add (local.get $pi) (i32.shl (local.get $k) (i32.const 4))))
                           (f64.load (i32.add (local.get $pj) (i32.shl (local.get $k) (i32.const 4)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $oloop)))
            (f64.store (i32.add (local.get $pi) (i32.shl (local.get $j) (i32.const 4))) (f64.div (local.get $t) (local.get $ljj)))))
        ;; the pairs wholly below row j: q = (j >> 1) + 1 ..
        (local.set $div (f64x2.splat (local.get $ljj)))
        (local.set $q (i32.add (i32.shr_u (local.get $j) (i32.const 1)) (i32.const 1)))
        (block $qdone
          (loop $qloop
            (br_if $qdone (i32.ge_u (local.get $q) (local.get $pairs)))
            (local.set $pq (i32.mul (local.get $q) (local.get $row16)))
            (local.set $acc (v128.load (i32.add (local.get $pq) (i32.shl (local.get $j) (i32.const 4)))))
            (local.set $k (i32.const 0))
            (block $kdone
              (loop $kloop
                (br_if $kdone (i32.ge_u (local.get $k) (local.get $j)))
                (local.set $acc (f64x2.sub (local.get $acc)
                  (f64x2.mul (v128.load (i32.add (local.get $pq) (i32.shl (local.get $k) (i32.const 4))))
                             (v128.load64_splat (i32.add (local.get $pj) (i32.shl (local.get $k) (i32.const 4)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $kloop)))
            (v128.store (i32.add (local.get $pq) (i32.shl (local.get $j) (i32.const 4))) (f64x2.div (local.get $acc) (local.get $div)))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $qloop)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $jloop)))
    (i32.const -1))
  ;; invrows(l, v, o, n): core/linalg/dense.ts inverseRowNormsSquared — row i of L⁻¹ = (e_i − Σ_{k<i} L_ik · row k of
  ;; L⁻¹)/L_ii with the same operations per entry (a zero L_ik skipped, as there), two entries j per f64x2 lane pair, and
  ;; o[i] = Σ_j (L⁻¹)_ij² summed in j order. L row-major n×n at byte l, L⁻¹ (row-major, lower part) at v, o (n f64) at o.
  (func (export "invrows") (param $l i32) (param $v i32) (param $o i32) (param $n i32)
    (local $i i32) (local $k i32) (local $j i32) (local $row i32) (local $vi i32) (local $vk i32) (local $m i32)
    (local $c f64) (local $r f64) (local $x f64) (local $s f64) (local $cv v128)
    (local.set $row (i32.shl (local.get $n) (i32.const 3)))
    (local.set $i (i32.const 0))
    (block $idone
      (loop $iloop
        (br_if $idone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $vi (i32.add (local.get $v) (i32.mul (local.get $i) (local.get $row))))
        ;; the row starts at +0 (core: a fresh zero array)
        (local.set $j (i32.const 0))
        (block $zdone
          (loop $zloop
            (br_if $zdone (i32.gt_u (local.get $j) (local.get $i)))
            (f64.store (i32.add (local.get $vi) (i32.shl (local.get $j) (i32.const 3))) (f64.const 0))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $zloop)))
        (local.set $k (i32.const 0))
        (block $kdone
          (loop $kloop
            (br_if $kdone (i32.ge_u (local.get $k) (local.get $i)))
            (local.set $c (f64.load (i32.add (i32.add (local.get $l) (i32.mul (local.get $i) (local.get $row))) (i32.shl (local.get $k) (i32.const 3)))))
            (if (f64.ne (local.get $c) (f64.const 0))
              (then
                (local.set $vk (i32.add (local.get $v) (i32.mul (local.get $k) (local.get $row))))
                (local.set $cv (f64x2.splat (local.get $c)))
                ;; j = 0 .. k: pairs, then the odd last one
                (local.set $m (i32.and (i32.add (local.get $k) (i32.const 1)) (i32.const -2)))
                (local.set $j (i32.const 0))
                (block $jdone
                  (loop $jloop
                    (br_if $jdone (i32.ge_u (local.get $j) (local.get $m)))
                    (v128.store (i32.add (local.get $vi) (i32.shl (local.get $j) (i32.const 3)))
                      (f64x2.sub (v128.load (i32.add (local.get $vi) (i32.shl (local.get $j) (i32.const 3))))
                                 (f64x2.mul (local.get $cv) (v128.load (i32.add (local.get $vk) (i32.shl (local.get $j) (i32.const 3)))))))
                    (local.set $j (i32.add (local.get $j) (i32.const 2)))
                    (br $jloop)))
                (if (i32.le_u (local.get $m) (local.get $k))
                  (then
                    (f64.store (i32.add (local.get $vi) (i32.shl (local.get $k) (i32.const 3)))
                      (f64.sub (f64.load (i32.add (local.get $vi) (i32.shl (local.get $k) (i32.const 3))))
                               (f64.mul (local.get $c) (f64.load (i32.add (local.get $vk) (i32.shl (local.get $k) (i32.const 3)))))))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $kloop)))
        (f64.store (i32.add (local.get $vi) (i32.shl (local.get $i) (i32.const 3))) (f64.const 1))
        (local.set $r (f64.div (f64.const 1)
          (f64.load (i32.add (i32.add (local.get $l) (i32.mul (local.get $i) (local.get $row))) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $s (f64.const 0))
        (local.set $j (i32.const 0))
        (block $sdone
          (loop $sloop
            (br_if $sdone (i32.gt_u (local.get $j) (local.get $i)))
            (local.set $x (f64.mul (f64.load (i32.add (local.get $vi) (i32.shl (local.get $j) (i32.const 3)))) (local.get $r)))
            (f64.store (i32.add (local.get $vi) (i32.shl (local.get $j) (i32.const 3))) (local.get $x))
            (local.set $s (f64.add (local.get $s) (f64.mul (local.get $x) (local.get $x))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $sloop)))
        (f64.store (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 3))) (local.get $s))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $iloop)))))
