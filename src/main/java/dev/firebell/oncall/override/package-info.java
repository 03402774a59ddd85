/**
 * Overrides made at runtime through the API, the web interface or a swap, layered over oncall.yaml.
 */
package dev.firebell.oncall.override;
