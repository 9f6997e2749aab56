/**
 * Contract suites for every component kind, shipped as the {@code pylon-testing} artifact: extend
 * {@link io.pylon.contract.ComponentContracts} with a registry (built-ins, or built-ins plus a plugin) and every
 * registered name of every kind is checked.
 */
package io.pylon.contract;
