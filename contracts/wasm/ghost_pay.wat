;; Pays CNS names in any GhostChain token, through GhostChain's chain extension (extension id
;; 0x4743, docs/contracts.md). WAT, like token.wat; its ABI is ghost_pay.json (ink! metadata v5).
;;
;;   new()                                           0x9bae9d5e  payable: funds the contract
;;   resolve(name: Vec<u8>)                          0x9e30d65d  the name's owner
;;       -> Result<AccountId, ExtensionError>
;;   pay(name: Vec<u8>, token: TokenKind,            0xf88ca104  pays the name's owner from
;;       amount: u128) -> Result<(), ExtensionError>             the contract's own balance
;;   balance(token: TokenKind)                       0xb48c1684  the contract's own balance
;;       -> Result<u128, ExtensionError>
;;   fail()                                          0x59588d40  traps
;;
;; Outputs are ink!'s (see token.wat): `Ok(Ok(value))`, or, when the extension refuses (a
;; malformed or unknown name, too little balance), a revert with `Ok(Err(code))`, the code being
;; the extension's error code as the variant index, so nothing the message did stays.
(module
	(import "seal0" "seal_input" (func $input (param i32 i32)))
	(import "seal0" "seal_return" (func $return (param i32 i32 i32)))
	(import "seal0" "seal_address" (func $address (param i32 i32)))
	(import "seal0" "seal_call_chain_extension"
		(func $chain_extension (param i32 i32 i32 i32 i32) (result i32)))
	(import "env" "memory" (memory 1 1))

	;; Memory: [0, 512) input; 512 input length; 516 output length; [1016, 1019) `Ok(Err(code))`;
	;; [1022, 1024) `Ok(Ok(` before [1024, 1280) the extension's output; [1280, 1329) the
	;; extension's input for a transfer or a balance.

	(func $read_input (result i32)
		(i32.store (i32.const 512) (i32.const 512))
		(call $input (i32.const 0) (i32.const 512))
		(i32.load (i32.const 512)))

	;; Reverts with `Ok(Err(code))`.
	(func $revert (param $code i32)
		(i32.store16 (i32.const 1016) (i32.const 0x0100))
		(i32.store8 (i32.const 1018) (local.get $code))
		(call $return (i32.const 1) (i32.const 1016) (i32.const 3))
		unreachable)

	;; Returns `Ok(Ok(output))`, the output being the extension's, $length bytes long.
	(func $succeed (param $length i32)
		(i32.store16 (i32.const 1022) (i32.const 0))
		(call $return (i32.const 0) (i32.const 1022) (i32.add (local.get $length) (i32.const 2)))
		unreachable)

	;; Calls extension function $function on [$ptr, $ptr + $len); its output lands at 1024.
	;; Reverts with the extension's error code; returns the output's length.
	(func $extension (param $function i32) (param $ptr i32) (param $len i32) (result i32)
		(local $code i32)
		(i32.store (i32.const 516) (i32.const 256))
		(local.set $code
			(call $chain_extension (i32.or (i32.const 0x47430000) (local.get $function))
				(local.get $ptr) (local.get $len) (i32.const 1024) (i32.const 516)))
		(if (local.get $code) (then (call $revert (local.get $code))))
		(i32.load (i32.const 516)))

	;; The length of the SCALE-encoded byte string at $ptr: its compact length prefix (one
	;; or two bytes here: inputs are shorter than 16 KiB) and its bytes.
	(func $encoded_bytes_length (param $ptr i32) (result i32)
		(if (result i32) (i32.eqz (i32.and (i32.load8_u (local.get $ptr)) (i32.const 3)))
			(then (i32.add (i32.const 1) (i32.shr_u (i32.load8_u (local.get $ptr)) (i32.const 2))))
			(else (i32.add (i32.const 2) (i32.shr_u (i32.load16_u (local.get $ptr)) (i32.const 2))))))

	(func $copy32 (param $to i32) (param $from i32)
		(i64.store (local.get $to) (i64.load (local.get $from)))
		(i64.store offset=8 (local.get $to) (i64.load offset=8 (local.get $from)))
		(i64.store offset=16 (local.get $to) (i64.load offset=16 (local.get $from)))
		(i64.store offset=24 (local.get $to) (i64.load offset=24 (local.get $from))))

	(func (export "deploy"))

	(func (export "call")
		(local $length i32) (local $selector i32) (local $name_length i32) (local $after_name i32)
		(local.set $length (call $read_input))
		(local.set $selector (i32.load (i32.const 0)))

		;; resolve(name) -> AccountId
		(if (i32.eq (local.get $selector) (i32.const 0x5dd6309e))
			(then
				(call $succeed (call $extension (i32.const 0x0001) (i32.const 4)
					(i32.sub (local.get $length) (i32.const 4))))))

		;; pay(name, token, amount): the name, then one byte of token and 16 of amount
		(if (i32.eq (local.get $selector) (i32.const 0x04a18cf8))
			(then
				(local.set $name_length (call $encoded_bytes_length (i32.const 4)))
				(local.set $after_name (i32.add (i32.const 4) (local.get $name_length)))
				(if (i32.ne (i32.add (local.get $after_name) (i32.const 17)) (local.get $length))
					(then (call $revert (i32.const 1))))
				(drop (call $extension (i32.const 0x0001) (i32.const 4) (local.get $name_length)))
				;; token_transfer(token, owner, amount)
				(i32.store8 (i32.const 1280) (i32.load8_u (local.get $after_name)))
				(call $copy32 (i32.const 1281) (i32.const 1024))
				(i64.store (i32.const 1313) (i64.load offset=1 (local.get $after_name)))
				(i64.store (i32.const 1321) (i64.load offset=9 (local.get $after_name)))
				(call $succeed (call $extension (i32.const 0x0021) (i32.const 1280) (i32.const 49)))))

		;; balance(token) -> u128: token_balance(token, the contract's account)
		(if (i32.and (i32.eq (local.get $selector) (i32.const 0x84168cb4))
				(i32.eq (local.get $length) (i32.const 5)))
			(then
				(i32.store8 (i32.const 1280) (i32.load8_u (i32.const 4)))
				(i32.store (i32.const 516) (i32.const 32))
				(call $address (i32.const 1281) (i32.const 516))
				(call $succeed (call $extension (i32.const 0x0020) (i32.const 1280) (i32.const 33)))))

		;; fail(), an unknown selector, or a malformed input
		unreachable)
)
