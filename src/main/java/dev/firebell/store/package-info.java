/**
 * The database: DataSource, Jdbi, Flyway migrations that survive a kill, H2's group commit, row
 * helpers and housekeeping that runs each package's pruning.
 */
package dev.firebell.store;
