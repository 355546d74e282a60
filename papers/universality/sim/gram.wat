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
        (br $rows)))))
