;; Accurate softmax over f64x2 lanes: the algorithm of the TypeScript core (shift by the maximum with the
;; TwoSum-recovered rounding of x - m, compensated sum, true division) and its table exp, in its order.
;;
;; exp(d + e) for d <= 0: k = round(d * 128/ln2), d = k*ln2/128 + r (Cody-Waite, exact), |r| <= ln2/256;
;; exp = 2^(k>>7) * 2^((k&127)/128) * exp(r), with 2^(j/128) stored as hi + lo (table below) and
;; exp(r) - 1 as a degree-5 Taylor polynomial (truncation < 0.01 ulp), so the only sizeable error is the
;; final rounding. Subnormal results are rounded once, straight to the subnormal grid.
;;
;; Layout: bytes [0, 2048) hold the table, [2048, 2192) the constants of expSum, [2192, 2248) scratch;
;; the caller's array starts at byte 4096, padded with -Infinity to a multiple of two lanes (with T != 1,
;; its corrections follow it).
(module
  (memory (export "memory") 1)

  ;; Largest value of x, returned, and smallest, stored at byte 2240. NaN is skipped here (pmax and pmin
  ;; keep the accumulator); it shows up later as a NaN sum.
  (func (export "range") (param $p i32) (param $end i32) (result f64)
    (local $a v128) (local $lo v128) (local $v v128)
    (local.set $a (f64x2.splat (f64.const -inf)))
    (local.set $lo (f64x2.splat (f64.const inf)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $a (f64x2.pmax (local.get $a) (local.get $v)))
        (local.set $lo (f64x2.pmin (local.get $lo) (local.get $v)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))
    (f64.store (i32.const 2240)
      (f64.min (f64x2.extract_lane 0 (local.get $lo)) (f64x2.extract_lane 1 (local.get $lo))))
    (f64.max (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 1 (local.get $a))))

  ;; x/T for T != 1, in place, with what its rounding lost, (x - q*T)/T by Dekker's exact product, minus
  ;; that of the maximum ($mres), written $res bytes further on; logits below $xlim are raised to it first
  ;; and get no correction (their exp is 0 either way).
  (func (export "divideByTemperature") (param $p i32) (param $end i32) (param $temp f64) (param $xlim f64)
    (param $mres f64) (param $res i32)
    (local $x v128) (local $q v128) (local $qh v128) (local $ql v128) (local $pq v128)
    (local $tv v128) (local $th v128) (local $tl v128) (local $xl v128) (local $mr v128)
    (local.set $tv (f64x2.splat (local.get $temp)))
    (local.set $th (f64x2.mul (local.get $tv) (f64x2.splat (f64.const 134217729))))
    (local.set $th (f64x2.sub (local.get $th) (f64x2.sub (local.get $th) (local.get $tv))))
    (local.set $tl (f64x2.sub (local.get $tv) (local.get $th)))
    (local.set $xl (f64x2.splat (local.get $xlim)))
    (local.set $mr (f64x2.splat (local.get $mres)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (local.set $q (f64x2.pmax (f64x2.div (local.get $x) (local.get $tv)) (local.get $xl)))
        (local.set $qh (f64x2.mul (local.get $q) (f64x2.splat (f64.const 134217729))))
        (local.set $qh (f64x2.sub (local.get $qh) (f64x2.sub (local.get $qh) (local.get $q))))
        (local.set $ql (f64x2.sub (local.get $q) (local.get $qh)))
        (local.set $pq (f64x2.mul (local.get $q) (local.get $tv)))
        (v128.store (local.get $p) (local.get $q))
        (v128.store (i32.add (local.get $p) (local.get $res)) (v128.and
          (f64x2.sub
            (f64x2.div (f64x2.sub (f64x2.sub (local.get $x) (local.get $pq))
              (f64x2.add (f64x2.add (f64x2.add
                (f64x2.sub (f64x2.mul (local.get $qh) (local.get $th)) (local.get $pq))
                (f64x2.mul (local.get $qh) (local.get $tl)))
                (f64x2.mul (local.get $ql) (local.get $th)))
                (f64x2.mul (local.get $ql) (local.get $tl)))) (local.get $tv))
            (local.get $mr))
          (f64x2.gt (local.get $q) (local.get $xl))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next))))

  ;; Replaces each x by exp(x - m) and returns the sum of all but the maximum's (which is exactly 1). A NaN
  ;; logit makes it NaN. With $res != 0, the correction stored $res bytes after each x is added to x - m.
  ;; Unless every x - m >= -700, the caller sets $careful: logits below $xlim (about m - 800) are then
  ;; raised to it (their exp is 0 either way, and x - m stays finite, no NaN at -Infinity), and results
  ;; below 2^-1021 get their own rounding.
  ;; The constants go through memory into locals: V8 would otherwise rebuild each one every iteration.
  (func (export "expSum") (param $p i32) (param $end i32) (param $m f64) (param $xlim f64) (param $res i32)
    (param $careful i32) (result f64)
    (local $x v128) (local $d v128) (local $b v128) (local $e v128) (local $t v128) (local $kf v128)
    (local $r v128) (local $poly v128) (local $t0 v128) (local $t1 v128)
    (local $hi v128) (local $tail v128) (local $y v128) (local $k1 v128) (local $zh v128) (local $zl v128)
    (local $u v128) (local $s v128) (local $c v128) (local $sum v128)
    (local $mv v128) (local $xl v128)
    (local $invln2 v128) (local $shift v128) (local $ln2hi v128) (local $ln2lo v128)
    (local $one v128) (local $c2 v128) (local $c3 v128) (local $c4 v128) (local $c5 v128) (local $under v128)
    (local $a f64) (local $ab f64) (local $bb f64) (local $err f64)
    (local.set $invln2 (v128.load (i32.const 2048)))
    (local.set $shift (v128.load (i32.const 2064)))
    (local.set $ln2hi (v128.load (i32.const 2080)))
    (local.set $ln2lo (v128.load (i32.const 2096)))
    (v128.store (i32.const 2224) (f64x2.splat (f64.const 1)))
    (local.set $one (v128.load (i32.const 2224)))
    (local.set $c2 (v128.load (i32.const 2112)))
    (local.set $c3 (v128.load (i32.const 2128)))
    (local.set $c4 (v128.load (i32.const 2144)))
    (local.set $c5 (v128.load (i32.const 2160)))
    (local.set $under (v128.load (i32.const 2176)))
    (v128.store (i32.const 2192) (f64x2.splat (local.get $m)))
    (v128.store (i32.const 2208) (f64x2.splat (local.get $xlim)))
    (local.set $mv (v128.load (i32.const 2192)))
    (local.set $xl (v128.load (i32.const 2208)))
    ;; Each lane's sum starts at 1, so no term (all <= 1, or a hair above at a tie under T != 1) has a
    ;; larger exponent: Fast2Sum's error term is exact.
    (local.set $s (f64x2.splat (f64.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (if (local.get $careful) (then (local.set $x (f64x2.pmax (local.get $x) (local.get $xl)))))
        ;; d = x - m rounded, and e its rounding error exactly (TwoSum).
        (local.set $d (f64x2.sub (local.get $x) (local.get $mv)))
        (local.set $b (f64x2.sub (local.get $d) (local.get $x)))
        (local.set $e (f64x2.sub
          (f64x2.sub (local.get $x) (f64x2.sub (local.get $d) (local.get $b)))
          (f64x2.add (local.get $mv) (local.get $b))))
        (if (local.get $res)
          (then (local.set $e
            (f64x2.add (local.get $e) (v128.load (i32.add (local.get $p) (local.get $res)))))))
        ;; k = round(d * 128/ln2) by the 1.5*2^52 shift: the low bits of t are the integer k.
        (local.set $t (f64x2.add (f64x2.mul (local.get $d) (local.get $invln2)) (local.get $shift)))
        (local.set $kf (f64x2.sub (local.get $t) (local.get $shift)))
        ;; r = d - k*ln2/128 + e: the high part of ln2/128 has 32 bits, so k*hi and d - k*hi are exact.
        ;; This and the polynomial are evaluated in the order of expShifted (src/core/fastExp.ts), so above
        ;; 2^-1021 both paths give the same bits.
        (local.set $r (f64x2.add
          (f64x2.sub (f64x2.sub (local.get $d) (f64x2.mul (local.get $kf) (local.get $ln2hi)))
                     (f64x2.mul (local.get $kf) (local.get $ln2lo)))
          (local.get $e)))
        ;; exp(r) - 1 = r (1 + r (1/2 + r (1/6 + r (1/24 + r/120)))).
        (local.set $poly (f64x2.mul (local.get $r) (f64x2.add (local.get $one) (f64x2.mul (local.get $r)
          (f64x2.add (local.get $c2) (f64x2.mul (local.get $r)
            (f64x2.add (local.get $c3) (f64x2.mul (local.get $r)
              (f64x2.add (local.get $c4) (f64x2.mul (local.get $r) (local.get $c5)))))))))))
        ;; 2^(j/128) as (hi, lo) for each lane, j = k & 127: two 16-byte table rows, regrouped.
        ;; The index is taken in scalar registers, off the busy vector units.
        (local.set $t0 (v128.load (i32.shl
          (i32.and (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $t))) (i32.const 127)) (i32.const 4))))
        (local.set $t1 (v128.load (i32.shl
          (i32.and (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $t))) (i32.const 127)) (i32.const 4))))
        (local.set $hi (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
        (local.set $tail (f64x2.add
          (f64x2.mul (local.get $hi) (local.get $poly))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1))))
        ;; times 2^(k >> 7), whose exponent field is the low bits of (t >> 7) << 52: added to the bits of
        ;; hi + tail; below 2^-1021 the sum is formed at 2^1022 times its size and, when under 1, rounded
        ;; against 1.0, so the subnormal result rounds only once.
        (local.set $k1 (i64x2.shl (i64x2.shr_u (local.get $t) (i32.const 7)) (i32.const 52)))
        (if (if (result i32) (local.get $careful)
              (then (i64x2.bitmask (f64x2.lt (local.get $kf) (local.get $under))))
              (else (i32.const 0)))
          (then
            (local.set $k1 (i64x2.add (local.get $k1) (i64x2.splat (i64.const 0x7fd0000000000000))))
            (local.set $zh (f64x2.mul (local.get $hi) (local.get $k1)))
            (local.set $zl (f64x2.mul (local.get $tail) (local.get $k1)))
            (local.set $u (f64x2.add (f64x2.splat (f64.const 1)) (local.get $zh)))
            (local.set $sum (f64x2.add (local.get $zh) (local.get $zl)))
            (local.set $y (f64x2.mul (f64x2.splat (f64.const 0x1p-1022)) (v128.bitselect
              (f64x2.sub
                (f64x2.add (local.get $u)
                  (f64x2.add (f64x2.add (f64x2.sub (f64x2.splat (f64.const 1)) (local.get $u)) (local.get $zh))
                             (local.get $zl)))
                (f64x2.splat (f64.const 1)))
              (local.get $sum)
              (f64x2.lt (local.get $sum) (f64x2.splat (f64.const 1)))))))
          (else
            (local.set $y (i64x2.add (f64x2.add (local.get $hi) (local.get $tail)) (local.get $k1)))))
        (v128.store (local.get $p) (local.get $y))
        (local.set $sum (f64x2.add (local.get $s) (local.get $y)))
        (local.set $c (f64x2.add (local.get $c)
          (f64x2.add (f64x2.sub (local.get $s) (local.get $sum)) (local.get $y))))
        (local.set $s (local.get $sum))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))
    ;; Merge the lanes: TwoSum of the two sums, TwoSum to take off the two starting 1s and the maximum's
    ;; term (exactly 1), then the corrections: the s' of 1 + s', rounded once, as the TS path rounds it.
    (local.set $a (f64.add (f64x2.extract_lane 0 (local.get $s)) (f64x2.extract_lane 1 (local.get $s))))
    (local.set $bb (f64.sub (local.get $a) (f64x2.extract_lane 0 (local.get $s))))
    (local.set $err (f64.add
      (f64.sub (f64x2.extract_lane 0 (local.get $s)) (f64.sub (local.get $a) (local.get $bb)))
      (f64.sub (f64x2.extract_lane 1 (local.get $s)) (local.get $bb))))
    (local.set $ab (f64.sub (local.get $a) (f64.const 3)))
    (local.set $bb (f64.sub (local.get $ab) (local.get $a)))
    (local.set $err (f64.add (local.get $err) (f64.add
      (f64.sub (local.get $a) (f64.sub (local.get $ab) (local.get $bb)))
      (f64.sub (f64.const -3) (local.get $bb)))))
    (f64.add (local.get $ab) (f64.add (local.get $err)
      (f64.add (f64x2.extract_lane 0 (local.get $c)) (f64x2.extract_lane 1 (local.get $c))))))

  ;; p_i = exp(x_i - m) / s, a true division per element.
  (func (export "divide") (param $p i32) (param $end i32) (param $s f64)
    (local $sv v128)
    (local.set $sv (f64x2.splat (local.get $s)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (local.get $p) (f64x2.div (v128.load (local.get $p)) (local.get $sv)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next))))

  (data (i32.const 0)
    ;; table begin
    "\00\00\00\00\00\00\f0\3f\00\00\00\00\00\00\00\00\35\33\fb\a9\3d\16\f0\3f\b7\cd\b8\9a\29\61\9b\3c"
    "\61\80\77\3e\9a\2c\f0\3f\5d\08\5b\53\83\90\71\bc\85\7f\6e\e8\15\43\f0\3f\6e\c9\77\19\1c\a3\90\bc"
    "\74\85\15\d3\b0\59\f0\3f\65\b4\75\a4\e2\73\8d\3c\de\f6\dd\29\6b\70\f0\3f\27\3c\b1\e2\df\91\8c\bc"
    "\c8\9b\75\18\45\87\f0\3f\ff\84\b2\4b\be\86\61\3c\83\f3\c6\ca\3e\9e\f0\3f\36\61\31\18\78\48\91\3c"
    "\0f\89\f9\6c\58\b5\f0\3f\0b\61\dc\4a\2e\a6\98\3c\f7\47\72\2b\92\cc\f0\3f\71\4f\e2\16\dc\1e\90\3c"
    "\a2\d1\d3\32\ec\e3\f0\3f\53\7b\c5\27\17\3a\40\3c\1b\d3\fe\af\66\fb\f0\3f\7b\bd\4e\c4\ed\9b\6b\bc"
    "\51\5b\12\d0\01\13\f1\3f\3a\9b\44\39\10\c5\96\bc\cc\31\6c\c0\bd\2a\f1\3f\c7\a5\6c\b3\14\b5\51\bc"
    "\e0\2d\a9\ae\9a\42\f1\3f\9e\36\f1\9a\bf\2f\93\bc\51\8e\a5\c8\98\5a\f1\3f\0a\ab\ee\b9\6a\40\82\3c"
    "\7b\51\7d\3c\b8\72\f1\3f\76\8a\d7\b9\41\90\81\bc\ea\8d\8c\38\f9\8a\f1\3f\6c\0f\97\d1\23\10\91\bc"
    "\75\cb\6f\eb\5b\a3\f1\3f\e4\68\49\7b\4c\5b\8e\3c\d4\5c\04\84\e0\bb\f1\3f\07\f6\2e\35\86\53\99\bc"
    "\aa\b9\68\31\87\d4\f1\3f\3c\64\a2\00\6e\01\9e\3c\1d\d9\fc\22\50\ed\f1\3f\8c\b7\7b\02\98\df\91\bc"
    "\d6\8c\62\88\3b\06\f2\3f\95\84\4a\81\75\c7\8d\3c\96\dc\7d\91\49\1f\f2\3f\ee\a5\94\94\7e\a9\82\3c"
    "\38\62\75\6e\7a\38\f2\3f\73\05\c7\b6\7e\b0\99\3c\3f\a6\b2\4f\ce\51\f2\3f\a4\f4\f4\be\55\c1\8a\3c"
    "\dd\7c\e2\65\45\6b\f2\3f\d9\e9\40\99\33\bd\82\3c\81\63\f5\e1\df\84\f2\3f\7e\0d\3f\8c\3a\4c\9a\bc"
    "\e1\de\1f\f5\9d\9e\f2\3f\55\12\ad\af\e8\12\86\3c\90\d9\da\d0\7f\b8\f2\3f\a4\1a\38\d6\dc\0a\41\bc"
    "\0b\03\e4\a6\85\d2\f2\3f\d5\41\db\54\47\02\90\3c\56\2f\3e\a9\af\ec\f2\3f\83\23\d5\45\0f\ca\71\3c"
    "\15\b7\31\0a\fe\06\f3\3f\e4\82\31\d2\6a\f4\86\3c\31\d8\4c\fc\70\21\f3\3f\7c\04\18\8e\e7\9c\8a\3c"
    "\ff\16\64\b2\08\3c\f3\3f\a6\59\36\84\21\27\93\3c\f1\9f\92\5f\c5\56\f3\3f\28\46\4e\5c\ee\5c\8b\bc"
    "\cb\a9\3a\37\a7\71\f3\3f\e2\ea\42\bf\ea\3a\96\bc\66\d8\05\6d\ae\8c\f3\3f\bd\04\99\3c\8d\95\9e\bc"
    "\f7\9f\e5\34\db\a7\f3\3f\e3\f5\61\d6\36\e4\75\bc\e5\a8\13\c3\2d\c3\f3\3f\c3\29\5d\37\f8\ff\9e\bc"
    "\22\34\12\4c\a6\de\f3\3f\bc\9e\f0\11\09\da\8a\3c\1c\80\ac\04\45\fa\f3\3f\f3\f9\56\f9\23\d0\97\bc"
    "\2a\2e\f7\21\0a\16\f4\3f\78\92\30\1c\69\f3\5e\bc\97\a8\50\d9\f5\31\f4\3f\99\79\5f\e3\dd\c7\81\bc"
    "\2d\89\61\60\08\4e\f4\3f\d0\80\ef\04\7a\9b\48\3c\57\00\1d\ed\41\6a\f4\3f\76\8a\64\d1\4b\94\9c\3c"
    "\d0\3c\c1\b5\a2\86\f4\3f\f0\62\90\b6\a3\c1\73\3c\de\d3\d7\f0\2a\a3\f4\3f\56\be\d1\f3\62\cb\99\3c"
    "\27\2a\36\d5\da\bf\f4\3f\e2\42\ec\af\97\43\7d\3c\0d\dd\fd\99\b2\dc\f4\3f\33\78\6a\bc\db\ec\98\3c"
    "\a7\2c\9d\76\b2\f9\f4\3f\e3\57\59\d2\09\b3\94\bc\42\66\cf\a2\da\16\f5\3f\ef\93\bd\69\85\76\8f\bc"
    "\82\4f\9d\56\2b\34\f5\3f\ad\3c\b1\1d\be\7a\80\bc\0f\92\5d\ca\a4\51\f5\3f\9b\e5\ed\ef\9c\68\8d\bc"
    "\da\27\b5\36\47\6f\f5\3f\ad\93\1d\01\2c\bb\99\3c\fd\c7\97\d4\12\8d\f5\3f\e8\1d\9a\5b\e1\95\82\3c"
    "\29\54\48\dd\07\ab\f5\3f\ad\47\46\05\4c\32\96\3c\b7\46\59\8a\26\c9\f5\3f\a2\86\69\81\1b\4b\3c\3c"
    "\48\21\ad\15\6f\e7\f5\3f\5e\e6\80\30\f9\a6\9b\3c\09\dc\76\b9\e1\05\f6\3f\47\de\56\9b\42\e2\93\bc"
    "\85\55\3a\b0\7e\24\f6\3f\97\b4\40\7e\c1\83\93\bc\20\c3\cc\34\46\43\f6\3f\33\89\9d\75\3c\48\8c\bc"
    "\25\22\55\82\38\62\f6\3f\34\1c\59\87\09\b6\9b\bc\73\a9\4c\d4\55\81\f6\3f\65\3e\f7\44\ae\38\60\3c"
    "\cd\3b\7f\66\9e\a0\f6\3f\56\64\b2\13\34\dd\9b\bc\bf\da\0b\75\12\c0\f6\3f\0d\0b\ff\67\56\89\72\bc"
    "\2f\1a\65\3c\b2\df\f6\3f\ab\88\3c\68\3a\be\6b\bc\84\94\51\f9\7d\ff\f6\3f\f6\0e\86\25\0f\3c\88\bc"
    "\74\5f\ec\e8\75\1f\f7\3f\99\7a\88\86\47\6e\81\bc\74\81\a5\48\9a\3f\f7\3f\3c\d5\65\6c\d9\a8\90\bc"
    "\c9\67\42\56\eb\5f\f7\3f\d3\6d\31\57\59\24\90\bc\3f\5d\de\4f\69\80\f7\3f\2d\16\02\0a\b8\66\98\3c"
    "\87\01\eb\73\14\a1\f7\3f\2f\99\04\ee\77\15\84\bc\32\c1\30\01\ed\c1\f7\3f\d6\4d\16\d1\4c\12\9f\3c"
    "\62\4e\cf\36\f3\e2\f7\3f\7e\79\15\ba\02\5d\70\3c\12\1a\3e\54\27\04\f8\3f\2b\97\6d\62\86\7c\92\bc"
    "\13\ce\4c\99\89\25\f8\3f\d8\32\15\d4\1d\4c\9d\bc\ad\c7\23\46\1a\47\f8\3f\fb\cd\41\a3\84\d6\88\bc"
    "\ed\92\44\9b\d9\68\f8\3f\ba\f6\d4\9b\f8\c6\9f\bc\99\66\8a\d9\c7\8a\f8\3f\3a\b5\7c\f3\c2\94\99\3c"
    "\db\a0\2a\42\e5\ac\f8\3f\27\4b\86\56\f1\e9\96\3c\8c\44\b5\16\32\cf\f8\3f\aa\e3\e9\32\5e\d5\70\bc"
    "\36\77\15\99\ae\f1\f8\3f\6c\97\e3\a2\13\cc\85\3c\c6\ff\91\0b\5b\14\f9\3f\24\25\58\2e\79\d6\9d\bc"
    "\e5\c5\cd\b0\37\37\f9\3f\bc\7e\b5\81\c7\5f\67\bc\0f\52\c8\cb\44\5a\f9\3f\39\f0\a5\96\7c\4b\76\bc"
    "\50\4e\de\9f\82\7d\f9\3f\d1\85\1b\7c\5b\18\9d\bc\ba\07\ca\70\f1\a0\f9\3f\32\e6\ce\91\bd\73\91\bc"
    "\90\f0\a3\82\91\c4\f9\3f\be\f2\71\b0\46\7c\7c\3c\23\23\e3\19\63\e8\f9\3f\6e\4c\e6\78\ca\24\78\3c"
    "\65\e5\5d\7b\66\0c\fa\3f\33\d5\1c\5d\49\59\93\bc\33\2d\4a\ec\9b\30\fa\3f\ab\36\dc\7d\5c\30\96\3c"
    "\5d\25\3e\b2\03\55\fa\3f\e1\41\8d\db\6e\2f\9d\bc\58\b3\30\13\9e\79\fa\3f\c7\63\c5\ca\7e\cb\9b\3c"
    "\bf\fd\79\55\6b\9e\fa\3f\31\fd\f7\0e\c9\fa\90\3c\7a\f3\d3\bf\6b\c3\fa\3f\d0\6c\e7\ca\34\92\8f\bc"
    "\ad\d3\5a\99\9f\e8\fa\3f\81\cc\5d\34\cd\a1\97\3c\66\b6\8d\29\07\0e\fb\3f\25\e4\80\4c\f5\de\9b\bc"
    "\fb\15\4f\b8\a2\33\fb\3f\08\d7\84\30\5e\80\62\bc\3a\59\e5\8d\72\59\fb\3f\e3\6d\ba\bb\df\71\9c\bc"
    "\47\5e\fb\f2\76\7f\fb\3f\3b\ac\54\7e\4f\58\75\bc\4a\06\a1\30\b0\a5\fb\3f\2e\29\54\0e\d3\fc\9e\bc"
    "\d2\c1\4b\90\1e\cc\fb\3f\84\9e\2d\7a\d0\3d\82\3c\09\1e\d7\5b\c2\f2\fb\3f\73\9c\6b\3f\ca\fd\9e\bc"
    "\9c\52\85\dd\9b\19\fc\3f\dd\48\50\89\65\10\81\3c\7a\d0\ff\5f\ab\40\fc\3f\0a\c6\83\e0\37\45\9b\3c"
    "\4b\d1\57\2e\f1\67\fc\3f\ad\3c\48\ff\4d\88\92\3c\b5\e7\06\94\6d\8f\fc\3f\44\5c\80\48\bc\ac\71\3c"
    "\69\90\ef\dc\20\b7\fc\3f\db\49\e9\d1\cb\03\75\3c\fa\c3\5d\55\0b\df\fc\3f\72\9d\82\53\3b\d8\8d\bc"
    "\7c\89\07\4a\2d\07\fd\3f\9c\7a\79\43\37\bc\9c\bc\f2\89\0d\08\87\2f\fd\3f\78\85\9d\71\7b\48\9d\bc"
    "\87\a4\fb\dc\18\58\fd\3f\07\37\5b\d7\02\ed\82\3c\98\83\c9\16\e3\80\fd\3f\e8\df\ed\8b\c1\1e\91\bc"
    "\85\32\db\03\e6\a9\fd\3f\32\b5\6d\69\00\23\9c\3c\60\b4\01\f3\21\d3\fd\3f\c3\18\f0\78\57\da\92\3c"
    "\5f\9b\7b\33\97\fc\fd\3f\5c\4b\18\4f\cd\a5\91\bc\29\a1\f5\14\46\26\fe\3f\96\14\7a\81\27\b6\97\bc"
    "\f6\3f\8b\e7\2e\50\fe\3f\8f\cc\a9\80\89\9e\83\3c\83\4c\c7\fb\51\7a\fe\3f\e2\8d\0c\ca\22\d5\92\3c"
    "\da\90\a4\a2\af\a4\fe\3f\93\28\9c\17\23\9c\9e\bc\f1\67\8e\2d\48\cf\fe\3f\8c\ad\11\b4\f3\93\9c\bc"
    "\27\5a\61\ee\1b\fa\fe\3f\b0\b6\a4\86\f4\c7\9d\3c\97\ba\6b\37\2b\25\ff\3f\43\8e\0d\bf\a5\a1\93\3c"
    "\40\45\6e\5b\76\50\ff\3f\8b\a1\d8\2d\e1\d3\99\3c\14\be\9c\ad\fd\7b\ff\3f\0a\35\06\d0\12\bb\9d\bc"
    "\d8\90\9e\81\c1\a7\ff\3f\1e\93\a5\f3\53\48\87\3c\f1\71\8f\2b\c2\d3\ff\3f\e7\79\65\96\74\eb\62\3c"
    "\fe\82\2b\65\47\15\67\40\fe\82\2b\65\47\15\67\40\00\00\00\00\00\00\38\43\00\00\00\00\00\00\38\43"
    "\00\00\e0\fe\42\2e\76\3f\00\00\e0\fe\42\2e\76\3f\76\3c\79\35\ef\39\7a\3d\76\3c\79\35\ef\39\7a\3d"
    "\00\00\00\00\00\00\e0\3f\00\00\00\00\00\00\e0\3f\55\55\55\55\55\55\c5\3f\55\55\55\55\55\55\c5\3f"
    "\55\55\55\55\55\55\a5\3f\55\55\55\55\55\55\a5\3f\11\11\11\11\11\11\81\3f\11\11\11\11\11\11\81\3f"
    "\00\00\00\00\00\e8\ff\c0\00\00\00\00\00\e8\ff\c0"
    ;; table end
  )
)
