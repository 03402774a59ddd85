/** The rota's endpoints: who is on call, overrides, swaps and calendar feeds. */
package dev.firebell.web.oncall;
