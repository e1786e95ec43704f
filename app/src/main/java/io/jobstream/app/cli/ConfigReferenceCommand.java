package io.jobstream.app.cli;

import io.jobstream.app.ConfigReference;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "config-reference", mixinStandardHelpOptions = true,
    description = "Print the configuration reference (every key with its type, default, valid values"
        + " and meaning) as Markdown: ./jobstream config-reference > docs/configuration.md")
public final class ConfigReferenceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(ConfigReference.page());
    out.flush();
    return JobstreamCli.OK;
  }
}
