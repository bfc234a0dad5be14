// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import {ICns} from "contracts/solidity/ICns.sol";
import {IERC20} from "contracts/solidity/IERC20.sol";

/// Pays a CNS name in a GhostChain token, in one transaction: resolves the name through the CNS
/// precompile and moves the payer's tokens (which the payer approved this contract to spend)
/// through the token's ERC-20 precompile. A failing lookup or transfer reverts the payment
/// with the precompile's reason.
contract GhostPay {
    ICns public constant CNS = ICns(0x0000000000000000000000000000000020000000);

    event Paid(string name, address indexed payee, uint256 amount);

    function pay(IERC20 token, string calldata name, uint256 amount) external {
        address payee = CNS.resolve(name);
        require(token.transferFrom(msg.sender, payee, amount), "GhostPay: transfer failed");
        emit Paid(name, payee, amount);
    }

    /// Runs `token.transfer` as this contract would run its own code: precompiles refuse it.
    function delegateTransfer(address token, address to, uint256 amount) external {
        (bool ok, bytes memory reason) =
            token.delegatecall(abi.encodeCall(IERC20.transfer, (to, amount)));
        if (!ok) {
            assembly {
                revert(add(reason, 32), mload(reason))
            }
        }
    }
}
