/**
 * firebell.yaml read into records with their defaults, {@code ${ENV}} expansion, and the one-line
 * errors that name file, key and problem.
 */
package dev.firebell.config;
