;; Correctly rounded softmax over f64x2 lanes: the fast path of the TypeScript kernel (src/core/fastExp.ts,
;; terms.ts, correctlyRounded.ts) step for step, so both have the error bounds docs/correct-rounding.md derives.
;; Every constant, the 2^(j/4096) table included, is written into memory by softmaxSimd.ts from the TypeScript
;; definitions: one source of truth. Constants are loaded from memory into locals before each loop, because V8
;; would otherwise rebuild a splatted constant in every iteration.
;;
;; Layout (bytes): [0, 65536) the table, 4096 entries of (hi, lo) (65536 kept free for a wider one);
;; [131072, 131584) constants, one f64x2 each; [131584, 132096) per-call values and results;
;; [132096, 136192) the indices of undecided entries; the row from 139264 on (see softmaxSimd.ts).
(module
  (memory (export "memory") 3)

  ;; Constants (byte offsets): all splatted to both lanes by softmaxSimd.ts.
  ;; 131072 SHIFT 1.5·2^52     131088 4096/ln2          131104 L1             131120 L2
  ;; 131136 L3                 131152 1/6               131168 1/24           131184 1/120
  ;; 131200 2^27 + 1           131216 0.5               131232 TINY_SHIFT     131248 UNDERFLOW_SHIFT
  ;; 131264 bits 0x3ff<<52     131280 bits 0xfff<<52    131296 bits 600<<52   131312 sign bit
  ;; 131328 2^-44 (fold)       131344 2^-51             131360 2^-105         131376 2^-968
  ;; 131392 -1000 (clamp)
  ;; Per call: 131584 m   131600 x_max/T − m (ρ_max)   131616 1/S hi   131632 1/S lo   131648 relative bound
  ;;           131664 high half of 1/S hi   131680 low half   131696 2^600   131712 2^-600   131728 1   131744 2^-1021
  ;; Results:  131840 s′ hi, 131848 s′ lo, 131856 Σ E·w (T ≠ 1), 131864 undecided count, 131872 min, 131880 argmax

  ;; max over [p, end) returned, min stored at 131872 and the first index of the max (from p, −1 if none above −∞)
  ;; at 131880, so the caller need not search for it. NaN is skipped here; it shows up later as a NaN sum.
  (func (export "range") (param $p i32) (param $end i32) (result f64)
    (local $a v128) (local $lo v128) (local $v v128) (local $up v128) (local $at v128) (local $i v128)
    (local $a0 f64) (local $a1 f64) (local $k0 i32) (local $k1 i32)
    (local.set $a (f64x2.splat (f64.const -inf)))
    (local.set $lo (f64x2.splat (f64.const inf)))
    (local.set $at (v128.const i64x2 -1 -1))
    (local.set $i (v128.const i64x2 0 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        ;; Strictly above: each lane keeps its first largest entry.
        (local.set $up (f64x2.lt (local.get $a) (local.get $v)))
        (local.set $a (v128.bitselect (local.get $v) (local.get $a) (local.get $up)))
        (local.set $at (v128.bitselect (local.get $i) (local.get $at) (local.get $up)))
        (local.set $lo (f64x2.pmin (local.get $lo) (local.get $v)))
        (local.set $i (i64x2.add (local.get $i) (v128.const i64x2 2 2)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))
    (f64.store (i32.const 131872)
      (f64.min (f64x2.extract_lane 0 (local.get $lo)) (f64x2.extract_lane 1 (local.get $lo))))
    (local.set $a0 (f64x2.extract_lane 0 (local.get $a)))
    (local.set $a1 (f64x2.extract_lane 1 (local.get $a)))
    (local.set $k0 (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $at))))
    (local.set $k1 (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $at))))
    ;; The lanes' first maxima: the larger, or the earlier of two equal ones.
    (i32.store (i32.const 131880)
      (select (local.get $k1)
        (select (local.get $k0) (select (local.get $k0) (local.get $k1) (i32.lt_s (local.get $k0) (local.get $k1)))
          (f64.gt (local.get $a0) (local.get $a1)))
        (f64.gt (local.get $a1) (local.get $a0))))
    (f64.max (local.get $a0) (local.get $a1)))

  ;; x/T in place, with ρ = (x − q·T)/T by Dekker's exact product written $res bytes on (0 where q is not finite).
  ;; The caller keeps |q| and T within [2^-900, 2^900], where the product neither overflows nor underflows.
  (func (export "divide") (param $p i32) (param $end i32) (param $temp f64) (param $res i32)
    (local $x v128) (local $q v128) (local $qh v128) (local $ql v128) (local $pq v128)
    (local $tv v128) (local $th v128) (local $tl v128) (local $sp v128) (local $c v128)
    (v128.store (i32.const 131760) (f64x2.splat (local.get $temp)))
    (local.set $tv (v128.load (i32.const 131760)))
    (local.set $sp (v128.load (i32.const 131200)))
    (local.set $c (f64x2.mul (local.get $tv) (local.get $sp)))
    (v128.store (i32.const 131776) (f64x2.sub (local.get $c) (f64x2.sub (local.get $c) (local.get $tv))))
    (local.set $th (v128.load (i32.const 131776)))
    (v128.store (i32.const 131792) (f64x2.sub (local.get $tv) (local.get $th)))
    (local.set $tl (v128.load (i32.const 131792)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (local.set $q (f64x2.div (local.get $x) (local.get $tv)))
        (local.set $c (f64x2.mul (local.get $q) (local.get $sp)))
        (local.set $qh (f64x2.sub (local.get $c) (f64x2.sub (local.get $c) (local.get $q))))
        (local.set $ql (f64x2.sub (local.get $q) (local.get $qh)))
        (local.set $pq (f64x2.mul (local.get $q) (local.get $tv)))
        (v128.store (local.get $p) (local.get $q))
        ;; ρ = ((x − q·T) − Dekker's error of q·T) / T, zeroed where it is NaN (q infinite).
        (local.set $c (f64x2.div
          (f64x2.sub (f64x2.sub (local.get $x) (local.get $pq))
            (f64x2.add (f64x2.add (f64x2.add
              (f64x2.sub (f64x2.mul (local.get $qh) (local.get $th)) (local.get $pq))
              (f64x2.mul (local.get $qh) (local.get $tl)))
              (f64x2.mul (local.get $ql) (local.get $th)))
              (f64x2.mul (local.get $ql) (local.get $tl))))
          (local.get $tv)))
        (v128.store (i32.add (local.get $p) (local.get $res))
          (v128.and (local.get $c) (f64x2.eq (local.get $c) (local.get $c))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next))))

  ;; Adds a block's lane sums (sh, sl) to the running double-double at 131840 (AccurateDWPlusDW, as addDD).
  (func $flush (param $sh f64) (param $sl f64)
    (local $bh f64) (local $bl f64) (local $th f64) (local $tl f64)
    (local $s f64) (local $e f64) (local $t f64) (local $f f64) (local $c f64) (local $v f64) (local $w f64)
    (local.set $bh (f64.add (local.get $sh) (local.get $sl)))
    (local.set $bl (f64.add (f64.sub (local.get $sh) (local.get $bh)) (local.get $sl)))
    (local.set $th (f64.load (i32.const 131840)))
    (local.set $tl (f64.load (i32.const 131848)))
    ;; s + e = th + bh, t + f = tl + bl (TwoSum), then two Fast2Sums.
    (local.set $s (f64.add (local.get $th) (local.get $bh)))
    (local.set $v (f64.sub (local.get $s) (local.get $th)))
    (local.set $e (f64.add (f64.sub (local.get $th) (f64.sub (local.get $s) (local.get $v))) (f64.sub (local.get $bh) (local.get $v))))
    (local.set $t (f64.add (local.get $tl) (local.get $bl)))
    (local.set $v (f64.sub (local.get $t) (local.get $tl)))
    (local.set $f (f64.add (f64.sub (local.get $tl) (f64.sub (local.get $t) (local.get $v))) (f64.sub (local.get $bl) (local.get $v))))
    (local.set $c (f64.add (local.get $e) (local.get $t)))
    (local.set $v (f64.add (local.get $s) (local.get $c)))
    (local.set $w (f64.add (local.get $f) (f64.add (f64.sub (local.get $s) (local.get $v)) (local.get $c))))
    (local.set $s (f64.add (local.get $v) (local.get $w)))
    (f64.store (i32.const 131840) (local.get $s))
    (f64.store (i32.const 131848) (f64.add (f64.sub (local.get $v) (local.get $s)) (local.get $w))))

  ;; The terms: x at [p, end) replaced by e^(x − m)'s high part, its low part written $lo bytes on (|lo| ≤ 2^-41 hi,
  ;; not renormalized: the sum's bound allows for it); every term
  ;; summed in blocks of 32 per lane into the double-double at 131840 (which the caller zeroes). With $res ≠ 0
  ;; (T ≠ 1) the residuals $res bytes on join the shift, folded in past 2^-44, and each entry's shift error bound
  ;; replaces its residual, Σ E · bound going to 131856. With $careful, the shift is clamped: below
  ;; UNDERFLOW_SHIFT (and at −∞) the term is 0; below TINY_SHIFT it is stored negated and scaled up by 2^600,
  ;; out of the sum (the caller bounds those terms by n · 2^-959). Without it, every shift must be ≥ TINY_SHIFT.
  (func (export "terms") (param $p i32) (param $end i32) (param $lo i32) (param $res i32) (param $careful i32)
    (local $x v128) (local $d v128) (local $b v128) (local $dl v128) (local $t v128) (local $kf v128)
    (local $a v128) (local $y v128) (local $rh v128) (local $rl v128) (local $q v128) (local $h v128)
    (local $uh v128) (local $ul v128) (local $e0 v128) (local $e1 v128)
    (local $th v128) (local $tl v128) (local $tH v128) (local $tL v128) (local $pr v128) (local $pe v128)
    (local $c v128) (local $uH v128) (local $uL v128) (local $eh v128) (local $el v128) (local $sc v128)
    (local $s v128) (local $sh v128) (local $sl v128) (local $w v128) (local $wsum v128) (local $tiny v128)
    (local $keep v128) (local $block i32) (local $i0 i32) (local $i1 i32)
    (local $shift v128) (local $inv v128) (local $l1 v128) (local $l2 v128) (local $l3 v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $sp v128) (local $half v128) (local $tinyShift v128) (local $under v128) (local $bias v128) (local $emask v128) (local $tinyBias v128) (local $sign v128) (local $fold v128) (local $w1 v128) (local $w2 v128) (local $clamp v128) (local $mv v128) (local $rv v128)
    (local.set $shift (v128.load (i32.const 131072)))
    (local.set $inv (v128.load (i32.const 131088)))
    (local.set $l1 (v128.load (i32.const 131104)))
    (local.set $l2 (v128.load (i32.const 131120)))
    (local.set $l3 (v128.load (i32.const 131136)))
    (local.set $c3 (v128.load (i32.const 131152)))
    (local.set $c4 (v128.load (i32.const 131168)))
    (local.set $c5 (v128.load (i32.const 131184)))
    (local.set $sp (v128.load (i32.const 131200)))
    (local.set $half (v128.load (i32.const 131216)))
    (local.set $tinyShift (v128.load (i32.const 131232)))
    (local.set $under (v128.load (i32.const 131248)))
    (local.set $bias (v128.load (i32.const 131264)))
    (local.set $emask (v128.load (i32.const 131280)))
    (local.set $tinyBias (v128.load (i32.const 131296)))
    (local.set $sign (v128.load (i32.const 131312)))
    (local.set $fold (v128.load (i32.const 131328)))
    (local.set $w1 (v128.load (i32.const 131344)))
    (local.set $w2 (v128.load (i32.const 131360)))
    (local.set $clamp (v128.load (i32.const 131392)))
    (local.set $mv (v128.load (i32.const 131584)))
    (local.set $rv (v128.load (i32.const 131600)))
    (block $all
      (loop $blocks
        (br_if $all (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $block (select (local.get $end) (i32.add (local.get $p) (i32.const 512))
          (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 512))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $block)))
        (local.set $x (v128.load (local.get $p)))
        ;; d = x − m and dl its rounding error, exactly (twoSumError, errorFree.ts).
        (local.set $d (f64x2.sub (local.get $x) (local.get $mv)))
        (local.set $b (f64x2.sub (local.get $d) (local.get $x)))
        (local.set $dl (f64x2.sub
          (f64x2.sub (local.get $x) (f64x2.sub (local.get $d) (local.get $b)))
          (f64x2.add (local.get $mv) (local.get $b))))
        (if (local.get $res)
          (then
            (local.set $y (v128.load (i32.add (local.get $p) (local.get $res))))
            (local.set $dl (f64x2.add (local.get $dl) (f64x2.sub (local.get $y) (local.get $rv))))))
        (if (local.get $careful)
          (then
            ;; keep: the term is not 0 (d ≥ UNDERFLOW_SHIFT; NaN is kept, to reach the sum); tiny: it is scaled up.
            (local.set $keep (v128.or (f64x2.ge (local.get $d) (local.get $under)) (f64x2.ne (local.get $d) (local.get $d))))
            (local.set $tiny (v128.and (local.get $keep) (f64x2.lt (local.get $d) (local.get $tinyShift))))
            (local.set $d (f64x2.pmax (local.get $d) (local.get $clamp)))
            (local.set $dl (v128.and (local.get $dl) (local.get $keep)))))
        (if (local.get $res)
          (then
            ;; The entry's shift error bound: 2^-51 (|ρ_i| + |ρ_max|) + 2^-105 |d| (shiftErrorOf, shift.ts).
            (local.set $w (f64x2.add
              (f64x2.mul (local.get $w1) (f64x2.add (f64x2.abs (local.get $y)) (f64x2.abs (local.get $rv))))
              (f64x2.mul (local.get $w2) (f64x2.abs (local.get $d)))))
            ;; Fold dl into d when it outgrows 2^-44 (TwoSum again).
            (if (v128.any_true (f64x2.gt (f64x2.abs (local.get $dl)) (local.get $fold)))
              (then
                (local.set $s (f64x2.add (local.get $d) (local.get $dl)))
                (local.set $b (f64x2.sub (local.get $s) (local.get $d)))
                (local.set $dl (f64x2.add
                  (f64x2.sub (local.get $d) (f64x2.sub (local.get $s) (local.get $b)))
                  (f64x2.sub (local.get $dl) (local.get $b))))
                (local.set $d (local.get $s))))))
        ;; k = round(d · 4096/ln2) in t's low bits; r = rh + rl = d − k·ln2/4096 (fastExp, fastExp.ts).
        (local.set $t (f64x2.add (f64x2.mul (local.get $d) (local.get $inv)) (local.get $shift)))
        (local.set $kf (f64x2.sub (local.get $t) (local.get $shift)))
        (local.set $a (f64x2.sub (local.get $d) (f64x2.mul (local.get $kf) (local.get $l1))))
        (local.set $y (f64x2.mul (local.get $kf) (local.get $l2)))
        (local.set $rh (f64x2.sub (local.get $a) (local.get $y)))
        (local.set $b (f64x2.sub (local.get $rh) (local.get $a)))
        (local.set $rl (f64x2.sub
          (f64x2.add
            (f64x2.sub
              (f64x2.sub (local.get $a) (f64x2.sub (local.get $rh) (local.get $b)))
              (f64x2.add (local.get $y) (local.get $b)))
            (local.get $dl))
          (f64x2.mul (local.get $kf) (local.get $l3))))
        ;; e^r − 1 = uh + ul.
        (local.set $q (f64x2.mul (local.get $rh) (local.get $rh)))
        (local.set $h (f64x2.mul (local.get $half) (local.get $q)))
        (local.set $uh (f64x2.add (local.get $rh) (local.get $h)))
        (local.set $ul (f64x2.add
          (f64x2.add (f64x2.sub (local.get $rh) (local.get $uh)) (local.get $h))
          (f64x2.add
            (f64x2.add (local.get $rl) (f64x2.mul (local.get $rl) (f64x2.add (local.get $rh) (local.get $h))))
            (f64x2.mul (local.get $q) (f64x2.mul (local.get $rh)
              (f64x2.add (local.get $c3) (f64x2.mul (local.get $rh)
                (f64x2.add (local.get $c4) (f64x2.mul (local.get $rh) (local.get $c5))))))))))
        ;; τ = 2^(j/4096), j = k & 4095: two 16-byte table entries regrouped by lane, τh's halves formed here.
        (local.set $i0 (i32.shl (i32.and (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $t))) (i32.const 4095)) (i32.const 4)))
        (local.set $i1 (i32.shl (i32.and (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $t))) (i32.const 4095)) (i32.const 4)))
        (local.set $e0 (v128.load (local.get $i0)))
        (local.set $e1 (v128.load (local.get $i1)))
        (local.set $th (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $e0) (local.get $e1)))
        (local.set $tl (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $e0) (local.get $e1)))
        (local.set $c (f64x2.mul (local.get $th) (local.get $sp)))
        (local.set $tH (f64x2.sub (local.get $c) (f64x2.sub (local.get $c) (local.get $th))))
        (local.set $tL (f64x2.sub (local.get $th) (local.get $tH)))
        ;; τ·(1 + u) = τh + τh·uh (Dekker's exact product) + the small terms.
        (local.set $pr (f64x2.mul (local.get $th) (local.get $uh)))
        (local.set $c (f64x2.mul (local.get $uh) (local.get $sp)))
        (local.set $uH (f64x2.sub (local.get $c) (f64x2.sub (local.get $c) (local.get $uh))))
        (local.set $uL (f64x2.sub (local.get $uh) (local.get $uH)))
        (local.set $pe (f64x2.add
          (f64x2.add (f64x2.add
            (f64x2.sub (f64x2.mul (local.get $tH) (local.get $uH)) (local.get $pr))
            (f64x2.mul (local.get $tH) (local.get $uL)))
            (f64x2.mul (local.get $tL) (local.get $uH)))
          (f64x2.mul (local.get $tL) (local.get $uL))))
        (local.set $eh (f64x2.add (local.get $th) (local.get $pr)))
        (local.set $el (f64x2.add
          (f64x2.add (f64x2.sub (local.get $th) (local.get $eh)) (local.get $pr))
          (f64x2.add (local.get $pe)
            (f64x2.add (f64x2.mul (local.get $th) (local.get $ul))
              (f64x2.add (local.get $tl) (f64x2.mul (local.get $tl) (local.get $uh)))))))
        ;; 2^(k >> 12) from t's bits: (k << 40) keeps k's top 12 bits as an exponent field; ×2^600 where tiny.
        (local.set $sc (i64x2.add (v128.and (i64x2.shl (local.get $t) (i32.const 40)) (local.get $emask)) (local.get $bias)))
        (if (local.get $careful)
          (then (local.set $sc (i64x2.add (local.get $sc) (v128.and (local.get $tiny) (local.get $tinyBias))))))
        (local.set $el (f64x2.mul (local.get $el) (local.get $sc)))
        (local.set $eh (f64x2.mul (local.get $eh) (local.get $sc)))
        (if (local.get $careful)
          (then
            (local.set $eh (v128.and (local.get $eh) (local.get $keep)))
            (local.set $el (v128.and (local.get $el) (local.get $keep)))))
        ;; Tiny terms: stored negated, kept out of the sum.
        (if (local.get $careful)
          (then
            (v128.store (local.get $p) (v128.xor (local.get $eh) (v128.and (local.get $tiny) (local.get $sign))))
            (local.set $eh (v128.andnot (local.get $eh) (local.get $tiny)))
            (v128.store (i32.add (local.get $p) (local.get $lo)) (local.get $el))
            (local.set $el (v128.andnot (local.get $el) (local.get $tiny))))
          (else
            (v128.store (local.get $p) (local.get $eh))
            (v128.store (i32.add (local.get $p) (local.get $lo)) (local.get $el))))
        (if (local.get $res)
          (then
            (v128.store (i32.add (local.get $p) (local.get $res)) (local.get $w))
            (local.set $wsum (f64x2.add (local.get $wsum) (f64x2.mul (local.get $eh) (local.get $w))))))
        ;; s′ per lane by TwoSum from zero, the errors gathered in sl (BlockSum, terms.ts).
        (local.set $s (f64x2.add (local.get $sh) (local.get $eh)))
        (local.set $b (f64x2.sub (local.get $s) (local.get $sh)))
        (local.set $sl (f64x2.add (local.get $sl) (f64x2.add
          (f64x2.add (f64x2.sub (local.get $sh) (f64x2.sub (local.get $s) (local.get $b))) (f64x2.sub (local.get $eh) (local.get $b)))
          (local.get $el))))
        (local.set $sh (local.get $s))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))
        ;; A block of 32 pairs done: its lane sums join the running double-double.
        (call $flush (f64x2.extract_lane 0 (local.get $sh)) (f64x2.extract_lane 0 (local.get $sl)))
        (call $flush (f64x2.extract_lane 1 (local.get $sh)) (f64x2.extract_lane 1 (local.get $sl)))
        (local.set $sh (v128.const i64x2 0 0))
        (local.set $sl (v128.const i64x2 0 0))
        (br $blocks)))
    (f64.store (i32.const 131856) (f64.add (f64.load (i32.const 131856))
      (f64.add (f64x2.extract_lane 0 (local.get $wsum)) (f64x2.extract_lane 1 (local.get $wsum))))))

  ;; The same for T = 1, with every shift ≥ TINY_SHIFT (the loop of most rows) or not (esbuild.js derives them).
  ;; @variant "terms" as "termsPlain" with $res = 0, $careful = 0
  ;; @variant "terms" as "termsCareful" with $res = 0, $careful = 1

  ;; p of one tiny or small entry (scalar): (eh, el) · 2^600 · (1/S) rounded on the double grid below it,
  ;; subnormals included (roundedScaledOrNaN, rounding.ts); NaN when Ziv's test cannot decide.
  (func $smallProbability (param $eh f64) (param $el f64) (param $rel f64) (result f64)
    (local $rh f64) (local $rl f64) (local $ph f64) (local $pl f64) (local $c f64) (local $h f64) (local $l f64)
    (local $bound f64) (local $z f64) (local $t f64) (local $g f64) (local $up f64) (local $dn f64)
    (local.set $rh (f64.load (i32.const 131616)))
    (local.set $rl (f64.load (i32.const 131632)))
    ;; Renormalized first (Fast2Sum): the terms pass leaves |el| up to 2^-41 eh, the grid test needs less.
    (local.set $c (f64.add (local.get $eh) (local.get $el)))
    (local.set $el (f64.add (f64.sub (local.get $eh) (local.get $c)) (local.get $el)))
    (local.set $eh (local.get $c))
    (local.set $ph (f64.mul (local.get $eh) (local.get $rh)))
    (local.set $c (f64.mul (local.get $eh) (f64.const 134217729)))
    (local.set $h (f64.sub (local.get $c) (f64.sub (local.get $c) (local.get $eh))))
    (local.set $l (f64.sub (local.get $eh) (local.get $h)))
    (local.set $pl (f64.add
      (f64.add (f64.add (f64.add
        (f64.sub (f64.mul (local.get $h) (f64.load (i32.const 131664))) (local.get $ph))
        (f64.mul (local.get $h) (f64.load (i32.const 131680))))
        (f64.mul (local.get $l) (f64.load (i32.const 131664))))
        (f64.mul (local.get $l) (f64.load (i32.const 131680))))
      (f64.add (f64.mul (local.get $eh) (local.get $rl)) (f64.mul (local.get $el) (local.get $rh)))))
    (local.set $bound (f64.mul (local.get $rel) (local.get $ph)))
    (local.set $z (f64.mul (local.get $ph) (f64.const 0x1p-600)))
    (if (f64.ge (local.get $z) (f64.const 0x1p-1021))
      (then
        (local.set $up (f64.add (local.get $ph) (f64.add (local.get $pl) (local.get $bound))))
        (local.set $dn (f64.add (local.get $ph) (f64.sub (local.get $pl) (local.get $bound))))
        (return (select (f64.mul (local.get $up) (f64.const 0x1p-600)) (f64.const nan)
          (f64.eq (local.get $up) (local.get $dn))))))
    ;; On the subnormal grid: its step is 2^-474 in these units.
    (local.set $g (f64.const 0x1p-474))
    (local.set $t (f64.add (f64.sub (local.get $ph) (f64.mul (local.get $z) (f64.const 0x1p600))) (local.get $pl)))
    (local.set $bound (f64.add (local.get $bound) (f64.const 0x1p-524)))
    (if (f64.lt (f64.add (f64.abs (local.get $t)) (local.get $bound)) (f64.const 0x1p-475))
      (then (return (local.get $z))))
    (if (i32.and
          (f64.gt (f64.sub (local.get $t) (local.get $bound)) (f64.const 0x1p-475))
          (f64.lt (f64.add (local.get $t) (local.get $bound)) (f64.const 0x1.8p-474)))
      (then (return (f64.add (local.get $z) (f64.const 0x1p-1074)))))
    (if (i32.and
          (f64.lt (f64.add (local.get $t) (local.get $bound)) (f64.const -0x1p-475))
          (f64.gt (f64.sub (local.get $t) (local.get $bound)) (f64.const -0x1.8p-474)))
      (then (return (f64.sub (local.get $z) (f64.const 0x1p-1074)))))
    (f64.const nan))

  ;; Records entry $i as undecided (up to 1024 of them; the count goes on past that).
  (func $undecided (param $i i32)
    (local $n i32)
    (local.set $n (i32.load (i32.const 131864)))
    (if (i32.lt_u (local.get $n) (i32.const 1024))
      (then (i32.store (i32.add (i32.const 132096) (i32.shl (local.get $n) (i32.const 2))) (local.get $i))))
    (i32.store (i32.const 131864) (i32.add (local.get $n) (i32.const 1))))

  ;; The same for T = 1, for a row without tiny terms or small products (see softmaxSimd.ts) or with them.
  ;; @variant "probabilities" as "probabilitiesPlain" with $res = 0, $small = 0
  ;; @variant "probabilities" as "probabilitiesCareful" with $res = 0, $small = 1

  ;; p_i = E_i · (1/S) in place over [p, end) (entries from $first), decided by Ziv's test with the bound
  ;; rel · p (plus each entry's shift error, $res bytes on, when $res ≠ 0); the undecided get the nearest
  ;; double to the fast value and their index recorded. With $small, tiny terms (stored negated) and products
  ;; below 2^-968 are formed scaled up by 2^600, and subnormal results go through $smallProbability; without,
  ;; the caller knows there are none.
  (func (export "probabilities") (param $p i32) (param $end i32) (param $lo i32) (param $res i32) (param $first i32) (param $small i32)
    (local $eh v128) (local $el v128) (local $ph v128) (local $pl v128) (local $c v128) (local $h v128) (local $l v128)
    (local $bound v128) (local $up v128) (local $dn v128) (local $ok v128) (local $tiny v128) (local $down v128) (local $sub v128)
    (local $rh v128) (local $rl v128) (local $rH v128) (local $rL v128) (local $rel v128) (local $sp v128)
    (local $smallest v128) (local $sign v128) (local $scaleUp v128) (local $scaleDown v128) (local $one v128) (local $normal v128)
    (local $i i32) (local $lane i32) (local $v f64) (local $e f64) (local $f f64)
    (local.set $rh (v128.load (i32.const 131616)))
    (local.set $rl (v128.load (i32.const 131632)))
    (local.set $rel (v128.load (i32.const 131648)))
    (local.set $rH (v128.load (i32.const 131664)))
    (local.set $rL (v128.load (i32.const 131680)))
    (local.set $sp (v128.load (i32.const 131200)))
    (local.set $smallest (v128.load (i32.const 131376)))
    (local.set $sign (v128.load (i32.const 131312)))
    (local.set $scaleUp (v128.load (i32.const 131696)))
    (local.set $scaleDown (v128.load (i32.const 131712)))
    (local.set $one (v128.load (i32.const 131728)))
    (local.set $normal (v128.load (i32.const 131744)))
    (local.set $i (local.get $first))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $eh (v128.load (local.get $p)))
        (local.set $el (v128.load (i32.add (local.get $p) (local.get $lo))))
        (if (local.get $small)
          (then
            ;; Tiny terms (stored negated, scaled up by 2^600) and products below 2^-968, which are scaled up here,
            ;; are formed and tested at that scale, then scaled back (exactly, unless the result is subnormal).
            (local.set $tiny (f64x2.lt (local.get $eh) (v128.const i64x2 0 0)))
            (local.set $eh (v128.andnot (local.get $eh) (local.get $sign)))
            (local.set $c (f64x2.mul (local.get $eh) (local.get $rh)))
            (local.set $down (v128.andnot
              (v128.and (f64x2.lt (local.get $c) (local.get $smallest)) (f64x2.ne (local.get $c) (v128.const i64x2 0 0)))
              (local.get $tiny)))
            (local.set $c (v128.bitselect (local.get $scaleUp) (local.get $one) (local.get $down)))
            (local.set $eh (f64x2.mul (local.get $eh) (local.get $c)))
            (local.set $el (f64x2.mul (local.get $el) (local.get $c)))
            (local.set $down (v128.or (local.get $down) (local.get $tiny)))))
        (local.set $ph (f64x2.mul (local.get $eh) (local.get $rh)))
        ;; productError (errorFree.ts) with 1/S's halves hoisted.
        (local.set $c (f64x2.mul (local.get $eh) (local.get $sp)))
        (local.set $h (f64x2.sub (local.get $c) (f64x2.sub (local.get $c) (local.get $eh))))
        (local.set $l (f64x2.sub (local.get $eh) (local.get $h)))
        (local.set $pl (f64x2.add
          (f64x2.add (f64x2.add (f64x2.add
            (f64x2.sub (f64x2.mul (local.get $h) (local.get $rH)) (local.get $ph))
            (f64x2.mul (local.get $h) (local.get $rL)))
            (f64x2.mul (local.get $l) (local.get $rH)))
            (f64x2.mul (local.get $l) (local.get $rL)))
          (f64x2.add (f64x2.mul (local.get $eh) (local.get $rl)) (f64x2.mul (local.get $el) (local.get $rh)))))
        (local.set $bound (if (result v128) (local.get $res)
          (then (f64x2.mul (f64x2.add (local.get $rel) (v128.load (i32.add (local.get $p) (local.get $res)))) (local.get $ph)))
          (else (f64x2.mul (local.get $rel) (local.get $ph)))))
        ;; roundedOrNaN (rounding.ts): both ends of the interval round to one double.
        (local.set $up (f64x2.add (local.get $ph) (f64x2.add (local.get $pl) (local.get $bound))))
        (local.set $dn (f64x2.add (local.get $ph) (f64x2.sub (local.get $pl) (local.get $bound))))
        (local.set $ok (f64x2.eq (local.get $up) (local.get $dn)))
        (if (local.get $small)
          (then
            (local.set $up (f64x2.mul (local.get $up)
              (v128.bitselect (local.get $scaleDown) (local.get $one) (local.get $down))))
            ;; A result below 2^-1021 lies on the subnormal grid, which the test above did not see.
            (local.set $sub (v128.and (local.get $down) (f64x2.lt (local.get $up) (local.get $normal))))))
        (v128.store (local.get $p) (local.get $up))
        (if (i32.or
              (i32.xor (i64x2.all_true (local.get $ok)) (i32.const 1))
              (if (result i32) (local.get $small) (then (v128.any_true (local.get $sub))) (else (i32.const 0))))
          (then
            ;; The rare lanes, one at a time.
            (local.set $lane (i32.const 0))
            (loop $lanes
              (if (if (result i32) (local.get $small)
                    (then (i64.ne (select (i64x2.extract_lane 1 (local.get $sub)) (i64x2.extract_lane 0 (local.get $sub)) (local.get $lane)) (i64.const 0)))
                    (else (i32.const 0)))
                (then
                  ;; (eh, el) are scaled up by 2^600 here: the grid test at that scale.
                  (local.set $e (select (f64x2.extract_lane 1 (local.get $eh)) (f64x2.extract_lane 0 (local.get $eh)) (local.get $lane)))
                  (local.set $f (select (f64x2.extract_lane 1 (local.get $el)) (f64x2.extract_lane 0 (local.get $el)) (local.get $lane)))
                  (local.set $v (call $smallProbability (local.get $e) (local.get $f)
                    (if (result f64) (local.get $res)
                      (then (f64.add (f64.load (i32.const 131648))
                        (f64.load (i32.add (i32.add (local.get $p) (local.get $res)) (i32.shl (local.get $lane) (i32.const 3))))))
                      (else (f64.load (i32.const 131648))))))
                  (if (f64.ne (local.get $v) (local.get $v))
                    (then
                      (local.set $v (f64.mul (f64.mul (local.get $e) (f64.load (i32.const 131616))) (f64.const 0x1p-600)))
                      (call $undecided (i32.add (local.get $i) (local.get $lane)))))
                  (f64.store (i32.add (local.get $p) (i32.shl (local.get $lane) (i32.const 3))) (local.get $v)))
                (else
                  (if (i64.eqz (select (i64x2.extract_lane 1 (local.get $ok)) (i64x2.extract_lane 0 (local.get $ok)) (local.get $lane)))
                    (then (call $undecided (i32.add (local.get $i) (local.get $lane)))))))
              (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
              (br_if $lanes (i32.lt_u (local.get $lane) (i32.const 2))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next))))

  ;; log p_i = d_i − log S in place over [p, end) (entries from $first) for T = 1, from the logits themselves:
  ;; d = dh + dl by TwoSum, then (dh − lh) + (dl − ll) in three parts renormalized exactly and Ziv's test with
  ;; |f| + lBound (the quick test of roundedNearOrNaN, rounding.ts). −∞ stays −∞; the undecided get the nearest
  ;; double to the fast value and their index recorded, for the three-part test's midpoint rule and the ladder.
  (func (export "logProbabilities") (param $p i32) (param $end i32) (param $first i32) (param $lhs f64) (param $lls f64) (param $bounds f64)
    (local $x v128) (local $d v128) (local $b v128) (local $dl v128) (local $c v128) (local $e0 v128) (local $r1 v128)
    (local $r2 v128) (local $a v128) (local $ae v128) (local $b2 v128) (local $f v128) (local $s v128) (local $e v128)
    (local $bound v128) (local $up v128) (local $ok v128) (local $inf v128)
    (local $mv v128) (local $lh v128) (local $ll v128) (local $lb v128) (local $slack v128) (local $ninf v128)
    (local $i i32)
    (local.set $mv (v128.load (i32.const 131584)))
    (v128.store (i32.const 131760) (f64x2.splat (local.get $lhs)))
    (v128.store (i32.const 131776) (f64x2.splat (local.get $lls)))
    (v128.store (i32.const 131792) (f64x2.splat (local.get $bounds)))
    (local.set $lh (v128.load (i32.const 131760)))
    (local.set $ll (v128.load (i32.const 131776)))
    (local.set $lb (v128.load (i32.const 131792)))
    ;; 2^-104: roundedOrNaN's slack for the roundings of lo ± bound.
    (local.set $slack (v128.const f64x2 0x1p-104 0x1p-104))
    (local.set $ninf (v128.const f64x2 -inf -inf))
    (local.set $i (local.get $first))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        ;; dh = x − m, dl its error (as in terms).
        (local.set $d (f64x2.sub (local.get $x) (local.get $mv)))
        (local.set $b (f64x2.sub (local.get $d) (local.get $x)))
        (local.set $dl (f64x2.sub
          (f64x2.sub (local.get $x) (f64x2.sub (local.get $d) (local.get $b)))
          (f64x2.add (local.get $mv) (local.get $b))))
        ;; c + e0 = dh − lh; r1 + r2 = e0 + dl − ll (logProbabilityOf, correctlyRounded.ts).
        (local.set $c (f64x2.sub (local.get $d) (local.get $lh)))
        (local.set $b (f64x2.sub (local.get $c) (local.get $d)))
        (local.set $e0 (f64x2.sub
          (f64x2.sub (local.get $d) (f64x2.sub (local.get $c) (local.get $b)))
          (f64x2.add (local.get $lh) (local.get $b))))
        (local.set $r1 (f64x2.add (local.get $e0) (local.get $dl)))
        (local.set $b (f64x2.sub (local.get $r1) (local.get $e0)))
        (local.set $r2 (f64x2.sub
          (f64x2.add (f64x2.sub (local.get $e0) (f64x2.sub (local.get $r1) (local.get $b))) (f64x2.sub (local.get $dl) (local.get $b)))
          (local.get $ll)))
        ;; Renormalized: a + ae = c + r1, b2 + f = ae + r2, s + e = a + b2 (roundedBetweenOrNaN).
        (local.set $a (f64x2.add (local.get $c) (local.get $r1)))
        (local.set $b (f64x2.sub (local.get $a) (local.get $c)))
        (local.set $ae (f64x2.add (f64x2.sub (local.get $c) (f64x2.sub (local.get $a) (local.get $b))) (f64x2.sub (local.get $r1) (local.get $b))))
        (local.set $b2 (f64x2.add (local.get $ae) (local.get $r2)))
        (local.set $b (f64x2.sub (local.get $b2) (local.get $ae)))
        (local.set $f (f64x2.add (f64x2.sub (local.get $ae) (f64x2.sub (local.get $b2) (local.get $b))) (f64x2.sub (local.get $r2) (local.get $b))))
        (local.set $s (f64x2.add (local.get $a) (local.get $b2)))
        (local.set $b (f64x2.sub (local.get $s) (local.get $a)))
        (local.set $e (f64x2.add (f64x2.sub (local.get $a) (f64x2.sub (local.get $s) (local.get $b))) (f64x2.sub (local.get $b2) (local.get $b))))
        ;; roundedOrNaN(s, e, |f| + lBound); + 0 makes a zero +0.
        (local.set $bound (f64x2.add
          (f64x2.add (f64x2.abs (local.get $f)) (local.get $lb))
          (f64x2.mul (local.get $slack) (f64x2.abs (local.get $s)))))
        (local.set $up (f64x2.add (local.get $s) (f64x2.add (local.get $e) (local.get $bound))))
        (local.set $inf (f64x2.eq (local.get $x) (local.get $ninf)))
        (local.set $ok (v128.or (local.get $inf)
          (f64x2.eq (local.get $up) (f64x2.add (local.get $s) (f64x2.sub (local.get $e) (local.get $bound))))))
        (v128.store (local.get $p) (v128.bitselect (local.get $ninf)
          (f64x2.add (local.get $up) (v128.const i64x2 0 0)) (local.get $inf)))
        (if (i32.xor (i64x2.all_true (local.get $ok)) (i32.const 1))
          (then
            (if (i64.eqz (i64x2.extract_lane 0 (local.get $ok))) (then (call $undecided (local.get $i))))
            (if (i64.eqz (i64x2.extract_lane 1 (local.get $ok))) (then (call $undecided (i32.add (local.get $i) (i32.const 1)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next))))
)
