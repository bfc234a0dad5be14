//! SPIRIT governance on the real runtime: each preset's pace, `ghostchain_testnet`'s SPIRIT
//! holders and absent Sudo, which origins each administrative call accepts, and the upgrade
//! WASM the end-to-end tests enact.

mod common;

use codec::Decode;
use common::{account, development_ext, preset_storage};
use frame_support::traits::Get;
use ghostchain_primitives::{
	cns::Tld,
	currency::GCC,
	time::{DAYS, HOURS, MINUTES},
	tokens::{EXISTENTIAL_DEPOSIT, UNIT},
	BlockNumber,
};
use ghostchain_runtime::{
	configs::{cns::launch_tld_config, tokens::SpiritInstance},
	genesis_config_presets::{GHOSTCHAIN_TESTNET_PRESET, TESTNET_VALIDATOR_SPIRIT},
	governance::{
		origins::Origin,
		tracks::{
			TracksInfo, GENERAL_ADMIN, L2_ARBITER, REFERENDUM_CANCELLER, REFERENDUM_KILLER, ROOT,
		},
		VoteLockingPeriod,
	},
	OriginCaller, Runtime, RuntimeCall, RuntimeOrigin, Tokens,
};
use pallet_referenda::TracksInfo as _;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};
use sp_runtime::{traits::Dispatchable, DispatchError};

/// A track's decision deposit and its prepare, decision, confirm and minimum enactment periods.
type TrackPeriods = (u16, u128, [BlockNumber; 4]);

/// The tracks as docs/governance.md documents them, at production pace.
const PRODUCTION_TRACKS: [TrackPeriods; 5] = [
	(ROOT, 1_000 * GCC, [2 * HOURS, 14 * DAYS, DAYS, DAYS]),
	(GENERAL_ADMIN, 100 * GCC, [2 * HOURS, 7 * DAYS, 3 * HOURS, DAYS]),
	(L2_ARBITER, 100 * GCC, [10 * MINUTES, 2 * DAYS, HOURS, 10 * MINUTES]),
	(REFERENDUM_CANCELLER, 500 * GCC, [HOURS, 7 * DAYS, 3 * HOURS, 10 * MINUTES]),
	(REFERENDUM_KILLER, 1_000 * GCC, [HOURS, 7 * DAYS, 3 * HOURS, 10 * MINUTES]),
];

fn tracks() -> Vec<TrackPeriods> {
	TracksInfo::tracks()
		.map(|track| {
			let info = &track.info;
			(
				track.id,
				info.decision_deposit,
				[
					info.prepare_period,
					info.decision_period,
					info.confirm_period,
					info.min_enactment_period,
				],
			)
		})
		.collect()
}

fn testnet_ext() -> sp_io::TestExternalities {
	sp_io::TestExternalities::new(preset_storage(GHOSTCHAIN_TESTNET_PRESET).unwrap())
}

#[test]
fn ghostchain_testnet_runs_governance_at_production_pace() {
	testnet_ext().execute_with(|| {
		assert_eq!(tracks(), PRODUCTION_TRACKS);
		assert_eq!(VoteLockingPeriod::get(), 7 * DAYS);
		assert_eq!(<Runtime as pallet_referenda::Config>::UndecidingTimeout::get(), 14 * DAYS);
	});
}

#[test]
fn ghostchain_testnet_has_no_sudo_and_its_validators_hold_the_spirit() {
	testnet_ext().execute_with(|| {
		let sudo_key = frame_support::storage::storage_prefix(b"Sudo", b"Key");
		assert!(!sp_io::storage::exists(&sudo_key), "no Sudo key in storage");

		let treasury = Tokens::treasury_account();
		let mut holders: Vec<_> = pallet_balances::Account::<Runtime, SpiritInstance>::iter()
			.map(|(who, data)| (who, data.free))
			.collect();
		holders.sort();
		let mut expected: Vec<_> = [Alice, Bob, Charlie]
			.into_iter()
			.map(|validator| (account(validator), TESTNET_VALIDATOR_SPIRIT))
			.chain([(treasury, EXISTENTIAL_DEPOSIT)])
			.collect();
		expected.sort();
		assert_eq!(holders, expected);
		assert_eq!(TESTNET_VALIDATOR_SPIRIT, 10_000 * UNIT);
	});
}

#[test]
fn development_chains_run_a_day_of_governance_in_two_blocks() {
	development_ext().execute_with(|| {
		let paced = |periods: [BlockNumber; 4]| periods.map(|p| p.div_ceil(DAYS / 2));
		let expected: Vec<_> = PRODUCTION_TRACKS
			.iter()
			.map(|&(id, deposit, periods)| (id, deposit, paced(periods)))
			.collect();
		assert_eq!(tracks(), expected);
		assert_eq!(tracks()[0].2, [1, 28, 2, 2], "root: prepare, decision, confirm, enactment");
		assert_eq!(VoteLockingPeriod::get(), 14);
	});
}

#[test]
fn each_governance_origin_has_its_own_track() {
	let track_of = |origin: OriginCaller| TracksInfo::track_for(&origin);
	assert_eq!(track_of(frame_system::RawOrigin::Root.into()), Ok(ROOT));
	assert_eq!(track_of(Origin::GeneralAdmin.into()), Ok(GENERAL_ADMIN));
	assert_eq!(track_of(Origin::L2Arbiter.into()), Ok(L2_ARBITER));
	assert_eq!(track_of(Origin::ReferendumCanceller.into()), Ok(REFERENDUM_CANCELLER));
	assert_eq!(track_of(Origin::ReferendumKiller.into()), Ok(REFERENDUM_KILLER));
	assert_eq!(track_of(frame_system::RawOrigin::Signed(account(Alice)).into()), Err(()));
	assert_eq!(track_of(frame_system::RawOrigin::None.into()), Err(()));
}

/// The error of dispatching `call` with `origin`, if any.
fn dispatch_error(call: &RuntimeCall, origin: RuntimeOrigin) -> Option<DispatchError> {
	call.clone().dispatch(origin).err().map(|e| e.error)
}

#[test]
fn admin_calls_accept_root_or_their_own_track_only() {
	development_ext().execute_with(|| {
		let general_admin = || RuntimeOrigin::from(Origin::GeneralAdmin);
		let arbiter = || RuntimeOrigin::from(Origin::L2Arbiter);
		let signed = || RuntimeOrigin::signed(account(Alice));

		let general_admin_calls = [
			RuntimeCall::Cns(pallet_cns::Call::set_tld_config {
				tld: Tld::Gcc,
				config: launch_tld_config(Tld::Gcc),
			}),
			RuntimeCall::Tokens(pallet_ghost_tokens::Call::set_mana_reward { amount: UNIT }),
		];
		for call in &general_admin_calls {
			assert_eq!(dispatch_error(call, arbiter()), Some(DispatchError::BadOrigin));
			assert_eq!(dispatch_error(call, signed()), Some(DispatchError::BadOrigin));
			assert_eq!(dispatch_error(call, general_admin()), None);
			assert_eq!(dispatch_error(call, RuntimeOrigin::root()), None);
		}

		// Past the origin check, these fail for want of the L2: proof that the origin passed.
		let unknown_l2 = Some(pallet_l2_commitments::Error::<Runtime>::UnknownL2.into());
		let rule = RuntimeCall::L2Commitments(pallet_l2_commitments::Call::resolve_dispute {
			l2: 9,
			index: 0,
			verdict: pallet_l2_commitments::Verdict::BatchValid,
		});
		assert_eq!(dispatch_error(&rule, general_admin()), Some(DispatchError::BadOrigin));
		assert_eq!(dispatch_error(&rule, signed()), Some(DispatchError::BadOrigin));
		assert_eq!(dispatch_error(&rule, arbiter()), unknown_l2);
		assert_eq!(dispatch_error(&rule, RuntimeOrigin::root()), unknown_l2);

		let cancel = RuntimeCall::Referenda(pallet_referenda::Call::cancel { index: 0 });
		let unknown_referendum = Some(pallet_referenda::Error::<Runtime>::NotOngoing.into());
		assert_eq!(dispatch_error(&cancel, general_admin()), Some(DispatchError::BadOrigin));
		assert_eq!(
			dispatch_error(&cancel, RuntimeOrigin::from(Origin::ReferendumCanceller)),
			unknown_referendum
		);
		let kill = RuntimeCall::Referenda(pallet_referenda::Call::kill { index: 0 });
		assert_eq!(
			dispatch_error(&kill, RuntimeOrigin::from(Origin::ReferendumCanceller)),
			Some(DispatchError::BadOrigin)
		);
		assert_eq!(
			dispatch_error(&kill, RuntimeOrigin::from(Origin::ReferendumKiller)),
			unknown_referendum
		);
	});
}

#[test]
fn the_upgrade_wasm_differs_from_the_runtime_in_spec_version_alone() {
	use sp_core::traits::ReadRuntimeVersion;

	let executor = sc_executor::WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
	// The version with its APIs in one order: the WASM section lists them in another.
	let sorted = |mut version: sp_version::RuntimeVersion| {
		version.apis.to_mut().sort();
		version
	};
	let version_of = |wasm: &[u8]| {
		let mut ext = sp_io::TestExternalities::default();
		let encoded = executor.read_runtime_version(wasm, &mut ext.ext()).unwrap();
		sorted(sp_version::RuntimeVersion::decode(&mut &encoded[..]).unwrap())
	};
	let current = version_of(ghostchain_runtime::WASM_BINARY.unwrap());
	let next = version_of(ghostchain_runtime::spec_version_incremented::WASM_BINARY.unwrap());
	assert_eq!(current, sorted(ghostchain_runtime::VERSION));
	assert_eq!(next.spec_version, current.spec_version + 1);
	assert_eq!(sp_version::RuntimeVersion { spec_version: current.spec_version, ..next }, current);
}
