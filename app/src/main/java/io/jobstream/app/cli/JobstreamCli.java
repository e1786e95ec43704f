package io.jobstream.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code jobstream} command line. Exit codes: 0 ok, 1 runtime failure, 2 usage error (with a
 * one-line reason on standard error).
 */
@Command(name = "jobstream", mixinStandardHelpOptions = true, version = "jobstream 0.1.0",
    description = "Continuous monitoring of the job market: postings through Kafka to rolling"
        + " salary statistics.",
    subcommands = {DemoCommand.class, BrokerCommand.class, IngestCommand.class,
        StreamCommand.class, MonitorCommand.class, ClassifyCommand.class, DeleteCommand.class, ReportCommand.class,
        BenchmarkCommand.class, DataCommand.class, SourcesCommand.class, ConfigReferenceCommand.class,
        CommandLine.HelpCommand.class})
public final class JobstreamCli implements Callable<Integer> {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /** A command line with jobstream's error handling: one line per error, then the exit code. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new JobstreamCli());
    cmd.setParameterExceptionHandler((e, args) -> {
      CommandLine failed = e.getCommandLine();
      failed.getErr().println("jobstream: " + e.getMessage());
      failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
      return USAGE;
    });
    cmd.setExecutionExceptionHandler((e, failed, parseResult) -> {
      if (e instanceof IllegalArgumentException) {
        failed.getErr().println("jobstream: " + e.getMessage());
        return USAGE;
      }
      failed.getErr().println("jobstream: " + e);
      org.slf4j.LoggerFactory.getLogger(JobstreamCli.class).debug("failure", e);
      return FAILURE;
    });
    return cmd;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
