import java.io.{ File, InputStream }
import java.net.URL
import java.nio.charset.StandardCharsets.ISO_8859_1
import java.nio.file.Files
import java.util.regex.{ Matcher, Pattern }

import scala.collection.JavaConverters._
import scala.util.Try

import org.apache.ivy.core.module.descriptor.{ Artifact, ModuleDescriptor }
import org.apache.ivy.core.module.id.ModuleRevisionId
import org.apache.ivy.plugins.parser.{ ModuleDescriptorParser, ModuleDescriptorParserRegistry, ParserSettings }
import org.apache.ivy.plugins.parser.m2.PomModuleDescriptorBuilder
import org.apache.ivy.plugins.repository.Resource
import org.apache.ivy.plugins.repository.url.URLResource
import sbt.internal.librarymanagement.CustomPomParser

/**
 * Works around Ivy misreading two poms in Spark 4.1.0's dependency tree. externalPom() only works
 * through sbt's Ivy resolver (Coursier does not support it), and Ivy 2.3 (sbt's fork):
 *  - never substitutes properties in <packaging> (netty-codec-native-quic 4.2.7.Final has
 *    <packaging>${packaging.type}</packaging>, defined as "jar" in its own <properties>);
 *  - drops empty-valued properties of a parent pom (arrow-java-root 18.3.0 declares
 *    <arrow.vector.classifier></arrow.vector.classifier>, which arrow-compression 18.3.0 uses as
 *    the classifier of its arrow-vector dependency).
 * Ivy then asks Maven Central for files named like "...-18.3.0-${arrow.vector.classifier}.jar" and
 * `update` fails with URISyntaxException. (sbt/sbt#3618's old `-Dpackaging.type=jar` workaround
 * does not help: Ivy does not substitute variables into artifact names.)
 *
 * This parser wraps sbt's own pom parser. Only when a pom has <packaging>${...}</packaging>, or
 * when Ivy's parse still has a `${...}` left in the main artifact's type/ext or in a dependency's
 * classifier/type/ext, does it patch those elements in a temporary copy of the pom (with the
 * property's value from the pom, else "jar" for packaging/type and no classifier, as Maven reads
 * an empty property) and parse that copy instead. Every other pom is parsed exactly as by sbt.
 */
object IvyPomWorkaround {
  private val Placeholder = """\$\{([^}]+)\}""".r

  private def placeholders(values: Seq[String]): Set[String] =
    values.filter(_ != null).flatMap(v => Placeholder.findAllMatchIn(v).map(_.group(1))).toSet

  private def leftovers(md: ModuleDescriptor): Set[String] = {
    val own = md.getAllArtifacts.toSeq.flatMap(a => Seq(a.getType, a.getExt))
    val deps = md.getDependencies.toSeq
      .flatMap(_.getAllDependencyArtifacts.toSeq)
      .flatMap(a => Seq(a.getType, a.getExt, a.getExtraAttribute("classifier")))
    placeholders(own ++ deps)
  }

  private def patch(pom: String, names: Set[String], props: Map[String, String]): String =
    names.foldLeft(pom) { (text, name) =>
      val token = Pattern.quote("${" + name + "}")
      val value = props.get(name).map(_.trim).filter(v => v.nonEmpty && !v.contains("${"))
      def element(tag: String, replacement: String) =
        s"<$tag>\\s*$token\\s*</$tag>".r.replaceAllIn(_: String, Matcher.quoteReplacement(replacement))
      val packaging = element("packaging", s"<packaging>${value.getOrElse("jar")}</packaging>")
      val tpe = element("type", s"<type>${value.getOrElse("jar")}</type>")
      val classifier = element("classifier", value.fold("")(v => s"<classifier>$v</classifier>"))
      (packaging andThen tpe andThen classifier)(text)
    }

  /** The pom's own top-level <properties>. */
  private def ownProperties(pom: String): Map[String, String] =
    Try(scala.xml.XML.loadString(pom)).toOption.toSeq
      .flatMap(_ \ "properties").flatMap(_.child)
      .collect { case e: scala.xml.Elem => e.label -> e.text.trim }.toMap

  private def readPom(url: URL): String = {
    val in = url.openStream()
    // ISO-8859-1 round-trips every byte, so the pom's own encoding is kept.
    try new String(in.readAllBytes(), ISO_8859_1) finally in.close()
  }

  private def writePom(text: String): URL = {
    val tmp = File.createTempFile("ivy-pom-workaround-", ".pom")
    tmp.deleteOnExit()
    Files.write(tmp.toPath, text.getBytes(ISO_8859_1))
    tmp.toURI.toURL
  }

  private val PackagingPlaceholder = """<packaging>\s*\$\{([^}]+)\}\s*</packaging>""".r

  final class Parser(delegate: ModuleDescriptorParser) extends ModuleDescriptorParser {
    override def parseDescriptor(s: ParserSettings, url: URL, validate: Boolean): ModuleDescriptor =
      parseDescriptor(s, url, new URLResource(url), validate)

    override def parseDescriptor(s: ParserSettings, url: URL, res: Resource, validate: Boolean): ModuleDescriptor = {
      // 1. <packaging>${...}</packaging> must be fixed before Ivy parses the pom at all: Ivy's parser
      //    itself already looks up "-sources.${...}" next to the unsubstituted main artifact and fails.
      val text = readPom(url)
      val packagingNames = PackagingPlaceholder.findAllMatchIn(text).map(_.group(1)).toSet
      val (pom, pomUrl) =
        if (packagingNames.isEmpty) (text, url)
        else {
          val fixed = patch(text, packagingNames, ownProperties(text))
          (fixed, writePom(fixed))
        }
      val md = delegate.parseDescriptor(s, pomUrl, res, validate)
      // 2. Anything else left unsubstituted (parent properties Ivy dropped): patch and parse again.
      val names = leftovers(md)
      if (names.isEmpty) md
      else {
        val props = ownProperties(pom) ++ PomModuleDescriptorBuilder.extractPomProperties(md.getExtraInfo).asScala
          .map { case (k, v) => String.valueOf(k) -> String.valueOf(v) }
        val fixed = patch(pom, names, props)
        if (fixed == pom) md else delegate.parseDescriptor(s, writePom(fixed), res, validate)
      }
    }

    override def toIvyFile(is: InputStream, res: Resource, destFile: File, md: ModuleDescriptor): Unit =
      delegate.toIvyFile(is, res, destFile, md)
    override def accept(res: Resource): Boolean = delegate.accept(res)
    override def getType(): String = delegate.getType()
    override def getMetadataArtifact(mrid: ModuleRevisionId, res: Resource): Artifact =
      delegate.getMetadataArtifact(mrid, res)
  }

  /** Ivy's parser registry is a JVM-wide singleton that puts the most recently added parser first. */
  lazy val register: Unit = {
    CustomPomParser.registerDefault // sbt's pom parser first (it registers itself once, lazily) ...
    ModuleDescriptorParserRegistry.getInstance.addParser(new Parser(CustomPomParser.default)) // ... ours in front of it
  }
}
