// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// SPIRIT, MANA and GHOST as ERC-20 tokens: the precompiles at
///   SPIRIT 0x0000000000000000000000000000000010010000
///   MANA   0x0000000000000000000000000000000010020000
///   GHOST  0x0000000000000000000000000000000010030000
/// (docs/metamask.md). OpenZeppelin's IERC20 and IERC20Metadata in one interface.
///
/// Balances are the native ledgers' own, moved by the rules of `Tokens.transfer`: a transfer
/// reverts with "ERC20: transfer amount exceeds balance" when the sender cannot spend that much
/// (SPIRIT locked by a vote cannot be spent), and with "ERC20: amount below the existential
/// deposit" when it would leave the recipient holding less than a new account must. Transfers
/// of zero and to oneself succeed and log, as ERC-20 requires. An allowance of
/// type(uint256).max is never spent down. None of the functions accepts value, a delegate call,
/// or (for the three that write) a static call.
interface IERC20 {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function decimals() external view returns (uint8);
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function allowance(address owner, address spender) external view returns (uint256);

    function transfer(address to, uint256 value) external returns (bool);
    /// Reverts with "ERC20: insufficient allowance" above what `from` allowed the caller.
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    /// The allowance is kept in the precompile's contract storage: setting one from zero holds
    /// a storage deposit from the transaction's signer, and setting it back to zero returns it.
    function approve(address spender, uint256 value) external returns (bool);
}
