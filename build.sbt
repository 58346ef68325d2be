// sbt build for the same sources as pom.xml. No dependency is declared here: externalPom() reads
// them, with their Maven scopes, from pom.xml, which stays the one place they are kept. Layout,
// resources and javac options follow pom.xml's <build>. Maven remains the project's build; this
// one is checked by dev/sbt-compile.sh (Java 17, Maven and Maven Central only, no sbt install).

// externalPom() works only with sbt's Ivy resolver: Coursier rejects a PomConfiguration.
ThisBuild / useCoursier := false

// Ivy misreads two poms among Spark's dependencies: see project/IvyPomWorkaround.scala.
Global / onLoad := (Global / onLoad).value.andThen { state => IvyPomWorkaround.register; state }

lazy val pomProperties = settingKey[Map[String, String]]("pom.xml's <properties> and project.* coordinates")

lazy val root = (project in file("."))
  .settings(
    externalPom(),

    // Own output folder, so that sbt (and its `clean`) leaves Maven's target/classes, target/lib and
    // target/*.jar alone, which bin/selfeval uses.
    target := baseDirectory.value / "target" / "sbt",

    pomProperties := {
      val pom = scala.xml.XML.loadFile(baseDirectory.value / "pom.xml")
      val props = (pom \ "properties").flatMap(_.child).collect {
        case e: scala.xml.Elem => e.label -> e.text.trim
      }
      val coordinates = Seq("groupId", "artifactId", "version", "name").map(k => s"project.$k" -> (pom \ k).text.trim)
      (props ++ coordinates).toMap
    },
    organization := pomProperties.value("project.groupId"),
    name := pomProperties.value("project.artifactId"),
    version := pomProperties.value("project.version"),

    // Java only: no Scala library of our own, no _2.13 suffix; scalaVersion is Spark's Scala.
    scalaVersion := "2.13.17",
    crossPaths := false,
    autoScalaLibrary := false,

    javacOptions ++= Seq("--release", "17", "-encoding", "UTF-8"),
    Compile / compile / javacOptions += "-Xlint:all,-serial,-processing",
    Test / compile / javacOptions += "-Xlint:all,-serial,-processing",

    Compile / javaSource := baseDirectory.value / "jobs" / "src" / "main" / "java",
    Test / javaSource := baseDirectory.value / "jobs" / "src" / "test" / "java",
    Compile / resourceDirectory := baseDirectory.value / "jobs" / "src" / "main" / "resources",
    Test / resourceDirectory := baseDirectory.value / "jobs" / "src" / "test" / "resources",

    // jobs/src/main/resources-filtered: copied with ${...} replaced from pom.xml's properties and
    // project.* coordinates (Maven's <filtering>true</filtering>; unknown ${...} are kept as they are).
    // schemas/: copied under schemas/ (Maven's <targetPath>schemas</targetPath>).
    Compile / resourceGenerators += Def.task {
      val base = baseDirectory.value
      val out = (Compile / resourceManaged).value
      val props = pomProperties.value
      val filteredDir = base / "jobs" / "src" / "main" / "resources-filtered"
      val filtered = (filteredDir ** -DirectoryFilter).get.map { src =>
        val dst = out / IO.relativize(filteredDir, src).get
        val text = """\$\{([^}]+)\}""".r.replaceAllIn(IO.read(src, IO.utf8),
          m => java.util.regex.Matcher.quoteReplacement(props.getOrElse(m.group(1), m.matched)))
        IO.write(dst, text, IO.utf8)
        dst
      }
      val schemasDir = base / "schemas"
      val schemas = IO.copy((schemasDir ** -DirectoryFilter).get.map { src =>
        src -> out / "schemas" / IO.relativize(schemasDir, src).get
      })
      filtered ++ schemas.toSeq
    }.taskValue,

    Compile / packageBin / packageOptions += Package.MainClass("io.selfeval.cli.SelfevalCli"),

    // As surefire: one forked JVM with Spark's --add-opens (pom.xml <spark.jvm.opens>). Running the
    // JUnit 5 tests from sbt would also need the sbt-jupiter-interface plugin, which is not added.
    Test / fork := true,
    Test / javaOptions ++= pomProperties.value("spark.jvm.opens").split("\\s+").toSeq ++
      Seq("-Xmx4g", "-Dfile.encoding=UTF-8"),
  )
