package io.selfeval.cli;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Failures;
import io.selfeval.warehouse.RunLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** Entry point of {@code bin/selfeval} and of the spark-submit jar. */
@Command(name = "selfeval",
    mixinStandardHelpOptions = true,
    versionProvider = SelfevalCli.Version.class,
    description = {
        "Reads budget performance self-evaluation reports (绩效自评报告), turns them into "
            + "traceable records and Delta tables, flags scores that look too good, and "
            + "publishes parquet marts and a static site for auditors.",
        ""},
    subcommands = {
        ExtractCommand.class,
        LoadCommand.class,
        AnalyseCommand.class,
        PublishCommand.class,
        SiteCommand.class,
        RunCommand.class,
        GenerateCommand.class,
        EvaluateCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done",
        "1:failed (the message says why)",
        "2:invalid command line",
        "3:run: nothing new (analyse, publish and site skipped)",
        "4:run: done, but documents were newly rejected",
        "5:another run holds the warehouse lock"})
public final class SelfevalCli implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(SelfevalCli.class);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Name a stage: extract, load, analyse, publish, site, or run for all of them; or "
            + "generate for a synthetic corpus.");
  }

  /** Builds the command line with selfeval's error handling; tests call this too. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new SelfevalCli());
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UsageException) {
        commandLine.getErr().println("selfeval: " + commandLine.getCommandName() + ": "
            + ex.getMessage());
        return ExitCodes.USAGE;
      }
      if (ex instanceof RunLock.HeldException) {
        LOG.warn("{}", ex.getMessage());
        commandLine.getErr().println("selfeval: " + commandLine.getCommandName() + " refused: "
            + ex.getMessage());
        return ExitCodes.LOCKED;
      }
      LOG.error("{} failed: {}", commandLine.getCommandName(), ex.toString(), ex);
      String warehouse = commandLine.getCommand() instanceof StageCommand stage
          ? stage.common.warehouse() : "the warehouse";
      commandLine.getErr().println("selfeval: " + commandLine.getCommandName() + " failed: "
          + Failures.describe(ex, warehouse));
      return ExitCodes.FAILED;
    });
    return cli;
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (inYarnApplicationMaster()) {
      // YARN's application master runs main in a thread and takes any System.exit, exit(0)
      // too, for a failure ("Shutdown hook called before final status was reported", exit
      // code 16), and then runs the application again: it wants main to return or to throw.
      if (code != ExitCodes.OK) {
        throw new IllegalStateException("selfeval exited with " + code);
      }
      return;
    }
    System.exit(code);
  }

  /** True in the driver of a YARN application in cluster deploy mode. */
  static boolean inYarnApplicationMaster() {
    return "yarn".equals(System.getProperty("spark.master"))
        && "cluster".equals(System.getProperty("spark.submit.deployMode"));
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties props = new Properties();
      try (InputStream in = SelfevalCli.class.getResourceAsStream("/selfeval-version.properties")) {
        if (in != null) {
          props.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {
          "selfeval " + props.getProperty("version", "unknown"),
          "Spark " + props.getProperty("spark.version", "?") + ", Delta "
              + props.getProperty("delta.version", "?") + ", Java "
              + System.getProperty("java.version")};
    }
  }
}
