//! Benchmarks of every call and of the block reward, each in its worst case.

use frame_benchmarking::v2::*;
use frame_support::traits::{tokens::Preservation, EnsureOrigin, Get, Hooks};
use frame_system::RawOrigin;
use ghostchain_primitives::{tokens::TokenKind, Balance};

use crate::*;

/// A funded sender, a recipient that does not exist yet, and an amount that empties the
/// sender: the transfer then creates one account and removes another.
fn emptying_transfer<T: Config>(token: TokenKind) -> (T::AccountId, T::AccountId, Balance) {
	let sender: T::AccountId = whitelisted_caller();
	let recipient: T::AccountId = account("recipient", 0, 0);
	let amount = dispatch_ledger!(token, ledger::minimum_balance()).saturating_mul(1_000);
	dispatch_ledger!(token, ledger::mint(&sender, amount)).expect("benchmark setup mints");
	(sender, recipient, amount)
}

fn assert_emptied<T: Config>(
	token: TokenKind,
	sender: &T::AccountId,
	recipient: &T::AccountId,
	amount: Balance,
) {
	assert_eq!(Pallet::<T>::free_balance(token, sender), 0);
	assert_eq!(Pallet::<T>::free_balance(token, recipient), amount);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn transfer_gcc() {
		let (sender, recipient, amount) = emptying_transfer::<T>(TokenKind::Gcc);
		#[extrinsic_call]
		transfer(RawOrigin::Signed(sender.clone()), TokenKind::Gcc, recipient.clone(), amount);
		assert_emptied::<T>(TokenKind::Gcc, &sender, &recipient, amount);
	}

	#[benchmark]
	fn transfer_spirit() {
		let (sender, recipient, amount) = emptying_transfer::<T>(TokenKind::Spirit);
		#[extrinsic_call]
		transfer(RawOrigin::Signed(sender.clone()), TokenKind::Spirit, recipient.clone(), amount);
		assert_emptied::<T>(TokenKind::Spirit, &sender, &recipient, amount);
	}

	#[benchmark]
	fn transfer_mana() {
		let (sender, recipient, amount) = emptying_transfer::<T>(TokenKind::Mana);
		#[extrinsic_call]
		transfer(RawOrigin::Signed(sender.clone()), TokenKind::Mana, recipient.clone(), amount);
		assert_emptied::<T>(TokenKind::Mana, &sender, &recipient, amount);
	}

	#[benchmark]
	fn transfer_ghost() {
		let (sender, recipient, amount) = emptying_transfer::<T>(TokenKind::Ghost);
		#[extrinsic_call]
		transfer(RawOrigin::Signed(sender.clone()), TokenKind::Ghost, recipient.clone(), amount);
		assert_emptied::<T>(TokenKind::Ghost, &sender, &recipient, amount);
	}

	#[benchmark]
	fn set_mana_reward() -> Result<(), BenchmarkError> {
		let origin =
			T::RewardOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let amount = T::ManaYearlyCap::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, amount);
		assert_eq!(ManaRewardPerBlock::<T>::get(), amount);
		Ok(())
	}

	/// The author holds no MANA yet, and the block opens a new reward year.
	#[benchmark]
	fn reward_block_author() -> Result<(), BenchmarkError> {
		let author = T::BenchmarkHelper::make_block_author();
		let held = Pallet::<T>::free_balance(TokenKind::Mana, &author);
		if held > 0 {
			let elsewhere = account("elsewhere", 0, 0);
			Pallet::<T>::do_transfer(
				TokenKind::Mana,
				&author,
				&elsewhere,
				held,
				Preservation::Expendable,
			)?;
		}
		let reward = dispatch_ledger!(TokenKind::Mana, ledger::minimum_balance())
			.saturating_mul(10)
			.min(T::ManaYearlyCap::get());
		ManaRewardPerBlock::<T>::put(reward);
		ManaIssuedThisYear::<T>::put(YearlyIssuance { year: u32::MAX, issued: 0 });
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert_eq!(Pallet::<T>::free_balance(TokenKind::Mana, &author), reward);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
