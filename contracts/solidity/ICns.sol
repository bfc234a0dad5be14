// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// CNS, GhostChain's name service, at 0x0000000000000000000000000000000020000000
/// (docs/metamask.md). Names are native CNS names such as "alice.ghost" (lowercase, `.ghost`
/// `.gcc` `.warp` `.arc` `.gcp`); only active registrations resolve.
///
/// Every lookup that finds nothing reverts with a reason:
///   "CNS: malformed name"         not a valid CNS name (uppercase, empty label, no TLD, ...)
///   "CNS: bridged name"           an ENS or Unstoppable Domains name, served by the bridge
///   "CNS: unknown name"           no active registration has this name
///   "CNS: no such record"         the name has no such record, or the account no primary name
interface ICns {
    /// The name's GCC address record: where payments to the name go.
    function resolve(string calldata name) external view returns (address);
    /// The account that owns the name, as its EVM address.
    function owner(string calldata name) external view returns (address);
    /// The primary name of `account`, while it is active and still the account's.
    function reverse(address account) external view returns (string memory);
    /// The name's text record `key` (such as "url" or "com.twitter").
    function text(string calldata name, string calldata key) external view returns (string memory);
}
