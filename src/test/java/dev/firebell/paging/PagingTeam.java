package dev.firebell.paging;

import dev.firebell.oncall.OnCall;

/** The paging tests' team, for tests in other packages. */
public final class PagingTeam {
  private PagingTeam() {}

  public static OnCall of(CaptureServer capture) {
    return PagingSetup.team(capture);
  }
}
