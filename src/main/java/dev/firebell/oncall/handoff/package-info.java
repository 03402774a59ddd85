/** Hand-off notices: a person is told when their shift starts, and ahead of it. */
package dev.firebell.oncall.handoff;
