/**
 * Paging as one module: the loop that runs escalation, the outbox and every module's jobs ({@link
 * dev.firebell.paging.PagingScheduler}), and what comes back from channels and alert sources
 * ({@link dev.firebell.paging.FollowUps}).
 */
package dev.firebell.paging;
