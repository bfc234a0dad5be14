;; A fungible token as a WASM contract for pallet-contracts, written in WAT so the test suite
;; builds it with no compiler toolchain. Its ABI is token.json (ink! metadata v5), so
;; @polkadot/api-contract and Polkadot.js Apps call it like an ink! contract. Selectors are
;; ink!'s (the first four bytes of BLAKE2b-256 of the message's name), and so are outputs: a
;; message returns `Result<T, LangError>`, here always `Ok`, and a fallible one
;; `Result<Result<T, Error>, LangError>`, reverting when it returns `Err`.
;;
;;   new(supply: u128)                           0x9bae9d5e  mints `supply` to the deployer
;;   balance_of(owner: AccountId) -> u128        0x0f755a56
;;   transfer(to: AccountId, value: u128)        0x84a15da1  Err(InsufficientBalance) when the
;;       -> Result<(), Error>                                caller holds less than `value`
;;   terminate()                                 0x476d839f  removes the contract, its balance
;;                                                           and deposit go to the deployer, and
;;                                                           returns nothing; reverts with
;;                                                           Err(NotDeployer) for anyone else
;;
;; Error: InsufficientBalance = 0, NotDeployer = 1.
;;
;; Storage: the deployer under the one-byte key 0x00; each holder's balance (u128, little
;; endian) under its 32-byte account id.
(module
	(import "seal0" "seal_input" (func $input (param i32 i32)))
	(import "seal0" "seal_return" (func $return (param i32 i32 i32)))
	(import "seal0" "seal_caller" (func $caller (param i32 i32)))
	(import "seal1" "get_storage" (func $get_storage (param i32 i32 i32 i32) (result i32)))
	(import "seal2" "set_storage" (func $set_storage (param i32 i32 i32 i32) (result i32)))
	(import "seal1" "terminate" (func $terminate (param i32)))
	(import "env" "memory" (memory 1 1))

	;; Memory: [0, 256) input; 256 input length; 260 output length; [512, 544) caller;
	;; 559 `Ok`, [560, 576) caller's balance; [576, 592) recipient's balance;
	;; [600, 632) deployer; 640 the deployer's key (0x00); [700, 703) `Ok(Err(code))`;
	;; [800, 802) `Ok(Ok(()))`.

	(func $read_input (result i32)
		(i32.store (i32.const 256) (i32.const 256))
		(call $input (i32.const 0) (i32.const 256))
		(i32.load (i32.const 256)))

	;; Reverts with `Ok(Err(code))`.
	(func $revert (param $code i32)
		(i32.store16 (i32.const 700) (i32.const 0x0100))
		(i32.store8 (i32.const 702) (local.get $code))
		(call $return (i32.const 1) (i32.const 700) (i32.const 3))
		unreachable)

	(func $load_caller
		(i32.store (i32.const 260) (i32.const 32))
		(call $caller (i32.const 512) (i32.const 260)))

	;; Reads the balance stored under the 32-byte key at $key into $out (zero if none).
	(func $load_balance (param $key i32) (param $out i32)
		(i32.store (i32.const 260) (i32.const 16))
		(if (call $get_storage (local.get $key) (i32.const 32) (local.get $out) (i32.const 260))
			(then
				(i64.store (local.get $out) (i64.const 0))
				(i64.store offset=8 (local.get $out) (i64.const 0)))))

	(func $store_balance (param $key i32) (param $value i32)
		(drop (call $set_storage (local.get $key) (i32.const 32) (local.get $value) (i32.const 16))))

	(func $same_account (param $a i32) (param $b i32) (result i32)
		(i32.and
			(i32.and
				(i64.eq (i64.load (local.get $a)) (i64.load (local.get $b)))
				(i64.eq (i64.load offset=8 (local.get $a)) (i64.load offset=8 (local.get $b))))
			(i32.and
				(i64.eq (i64.load offset=16 (local.get $a)) (i64.load offset=16 (local.get $b)))
				(i64.eq (i64.load offset=24 (local.get $a)) (i64.load offset=24 (local.get $b))))))

	(func (export "deploy")
		(if (i32.ne (call $read_input) (i32.const 20)) (then unreachable))
		(call $load_caller)
		(drop (call $set_storage (i32.const 640) (i32.const 1) (i32.const 512) (i32.const 32)))
		(call $store_balance (i32.const 512) (i32.const 4)))

	(func (export "call")
		(local $length i32) (local $selector i32)
		(local $from_lo i64) (local $from_hi i64) (local $value_lo i64) (local $value_hi i64)
		(local $to_lo i64)
		(local.set $length (call $read_input))
		(local.set $selector (i32.load (i32.const 0)))

		;; balance_of(owner) -> u128
		(if (i32.and (i32.eq (local.get $selector) (i32.const 0x565a750f))
				(i32.eq (local.get $length) (i32.const 36)))
			(then
				(call $load_balance (i32.const 4) (i32.const 560))
				(call $return (i32.const 0) (i32.const 559) (i32.const 17))))

		;; transfer(to, value): input is to at [4, 36), value at [36, 52)
		(if (i32.and (i32.eq (local.get $selector) (i32.const 0xa15da184))
				(i32.eq (local.get $length) (i32.const 52)))
			(then
				(call $load_caller)
				(call $load_balance (i32.const 512) (i32.const 560))
				(local.set $from_lo (i64.load (i32.const 560)))
				(local.set $from_hi (i64.load (i32.const 568)))
				(local.set $value_lo (i64.load (i32.const 36)))
				(local.set $value_hi (i64.load (i32.const 44)))
				;; from < value, as u128
				(if (i32.or (i64.lt_u (local.get $from_hi) (local.get $value_hi))
						(i32.and (i64.eq (local.get $from_hi) (local.get $value_hi))
							(i64.lt_u (local.get $from_lo) (local.get $value_lo))))
					(then (call $revert (i32.const 0))))
				(i64.store (i32.const 560) (i64.sub (local.get $from_lo) (local.get $value_lo)))
				(i64.store (i32.const 568)
					(i64.sub (i64.sub (local.get $from_hi) (local.get $value_hi))
						(i64.extend_i32_u (i64.lt_u (local.get $from_lo) (local.get $value_lo)))))
				(call $store_balance (i32.const 512) (i32.const 560))
				;; The recipient's balance is read after the caller's is stored, so a transfer
				;; to oneself changes nothing. It cannot overflow: balances sum to the supply.
				(call $load_balance (i32.const 4) (i32.const 576))
				(local.set $to_lo (i64.add (i64.load (i32.const 576)) (local.get $value_lo)))
				(i64.store (i32.const 584)
					(i64.add (i64.add (i64.load (i32.const 584)) (local.get $value_hi))
						(i64.extend_i32_u (i64.lt_u (local.get $to_lo) (local.get $value_lo)))))
				(i64.store (i32.const 576) (local.get $to_lo))
				(call $store_balance (i32.const 4) (i32.const 576))
				(call $return (i32.const 0) (i32.const 800) (i32.const 2))))

		;; terminate()
		(if (i32.and (i32.eq (local.get $selector) (i32.const 0x9f836d47))
				(i32.eq (local.get $length) (i32.const 4)))
			(then
				(call $load_caller)
				(i32.store (i32.const 260) (i32.const 32))
				(drop (call $get_storage (i32.const 640) (i32.const 1) (i32.const 600) (i32.const 260)))
				(if (i32.eqz (call $same_account (i32.const 512) (i32.const 600)))
					(then (call $revert (i32.const 1))))
				(call $terminate (i32.const 512))))

		;; An unknown selector or a malformed input.
		unreachable)
)
