//! GhostPlane commitments on the real runtime: the treasury seeds an L2's escrow at the
//! documented address, and a deposit is charged for the batches it might finalize but pays only
//! for what it did.

mod common;

use common::{account, apply, development_ext, last_fee_paid_by, signed};
use frame_support::{
	assert_ok,
	dispatch::GetDispatchInfo,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
	},
};
use ghostchain_primitives::{
	currency::{EXISTENTIAL_DEPOSIT, GCC},
	l2::{L2Config, L2Limits, VerificationMode},
};
use ghostchain_runtime::{
	AccountId, Balances, L2Commitments, RuntimeCall, RuntimeOrigin, Tokens, TransactionPayment,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::TokenError;

const L2: u32 = 1;

#[test]
fn the_treasury_seeds_the_escrow_and_a_deposit_pays_only_for_what_it_finalized() {
	development_ext().execute_with(|| {
		let config = L2Config {
			mode: VerificationMode::Optimistic { challenge_period: 100 },
			sequencer_bond: 1_000 * GCC,
			challenge_bond: 100 * GCC,
			limits: L2Limits {
				max_sequencers: 32,
				max_pending_batches: 64,
				max_pending_deposits: 1024,
			},
		};
		let register =
			|| L2Commitments::register_l2(RuntimeOrigin::root(), L2, config.clone(), H256::zero());
		// The development treasury holds only its existential deposit, which it must keep.
		assert_eq!(register(), Err(TokenError::NotExpendable.into()));
		let treasury = Tokens::treasury_account();
		assert_ok!(Balances::transfer(&account(Alice), &treasury, GCC, Preservation::Preserve));
		assert_ok!(register());

		let mut escrow = [0u8; 32];
		escrow[..12].copy_from_slice(b"modlghst/l2c");
		escrow[12..16].copy_from_slice(&L2.to_le_bytes());
		let escrow = AccountId::from(escrow);
		assert_eq!(L2Commitments::escrow_account(L2), escrow);
		assert_eq!(Balances::balance(&escrow), EXISTENTIAL_DEPOSIT);

		let deposit = RuntimeCall::L2Commitments(pallet_l2_commitments::Call::deposit {
			l2: L2,
			l2_recipient: H256::repeat_byte(0xab),
			amount: 5 * GCC,
		});
		let declared = deposit.get_dispatch_info();
		let (extrinsic, len) = signed(Bob, deposit);
		apply(extrinsic).unwrap().unwrap();
		assert_eq!(Balances::balance(&escrow), EXISTENTIAL_DEPOSIT + 5 * GCC);
		let charged_up_front = TransactionPayment::compute_fee(len as u32, &declared, 0);
		let paid = last_fee_paid_by(&account(Bob));
		assert!(paid < charged_up_front, "paid {paid} of {charged_up_front}: nothing was refunded");
	});
}
