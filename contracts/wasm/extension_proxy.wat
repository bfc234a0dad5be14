;; Forwards its input to one function of GhostChain's chain extension, for tests of each
;; function as a contract sees it. Input: the function id (u16, little endian), then the
;; function's SCALE-encoded input. Answers as ghost_pay.wat does: `Ok(Ok(output))`, or a revert
;; with `Ok(Err(code))`.
(module
	(import "seal0" "seal_input" (func $input (param i32 i32)))
	(import "seal0" "seal_return" (func $return (param i32 i32 i32)))
	(import "seal0" "seal_call_chain_extension"
		(func $chain_extension (param i32 i32 i32 i32 i32) (result i32)))
	(import "env" "memory" (memory 1 1))

	;; Memory: [0, 1024) input; 1024 input length; 1028 output length; [1032, 1035)
	;; `Ok(Err(code))`; [2046, 2048) `Ok(Ok(` before [2048, 4096) the output.

	(func (export "deploy"))

	(func (export "call")
		(local $code i32)
		(i32.store (i32.const 1024) (i32.const 1024))
		(call $input (i32.const 0) (i32.const 1024))
		(i32.store (i32.const 1028) (i32.const 2048))
		(local.set $code
			(call $chain_extension (i32.or (i32.const 0x47430000) (i32.load16_u (i32.const 0)))
				(i32.const 2) (i32.sub (i32.load (i32.const 1024)) (i32.const 2))
				(i32.const 2048) (i32.const 1028)))
		(if (local.get $code)
			(then
				(i32.store16 (i32.const 1032) (i32.const 0x0100))
				(i32.store8 (i32.const 1034) (local.get $code))
				(call $return (i32.const 1) (i32.const 1032) (i32.const 3))))
		(call $return (i32.const 0) (i32.const 2046)
			(i32.add (i32.load (i32.const 1028)) (i32.const 2))))
)
