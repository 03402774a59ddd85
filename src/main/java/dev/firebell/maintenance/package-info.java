/**
 * Maintenance windows from firebell.yaml and the API: incidents they cover are recorded and nobody
 * is paged.
 */
package dev.firebell.maintenance;
