/**
 * The rota: people, schedules, rotations, policies and routes ({@link dev.firebell.oncall.OnCall}),
 * who is on call when ({@link dev.firebell.oncall.OnCallResolver}, pure), the live {@link
 * dev.firebell.oncall.Rota}, and {@link dev.firebell.oncall.OnCallModule}, the runtime in its
 * subpackages.
 */
package dev.firebell.oncall;
