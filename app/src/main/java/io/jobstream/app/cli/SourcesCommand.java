package io.jobstream.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jobstream sources}: looking after the sources (the catalogue of employers' boards). */
@Command(name = "sources", mixinStandardHelpOptions = true,
    description = "Look after the sources: check which boards of the catalogue still answer.",
    subcommands = {SourcesCheckCommand.class})
public final class SourcesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (check)");
  }
}
