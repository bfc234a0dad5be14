// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// GID, GhostChain's `did:ghost` identities, at 0x0000000000000000000000000000000020010000
/// (docs/metamask.md). A DID is "did:ghost:<SS58 address with prefix 4242>".
///
/// Reverts with a reason:
///   "GID: malformed DID"    not a did:ghost DID of a GhostChain address
///   "GID: unknown DID"      no DID has this subject (controller only)
///   "GID: DID deactivated"  the DID was deactivated (controller only)
interface IGid {
    /// Whether the DID exists and is not deactivated.
    function isActive(string calldata did) external view returns (bool);
    /// The account that controls the live DID, as its EVM address.
    function controller(string calldata did) external view returns (address);
}
