/** oncall.yaml read and checked, and read again on SIGHUP or the reload API. */
package dev.firebell.oncall.load;
