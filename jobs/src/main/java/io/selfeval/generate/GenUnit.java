package io.selfeval.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A generated unit: its names over the years, its indicators and projects, its habits. */
final class GenUnit {

  final String code;
  final String city;
  final Pools.Domain domain;
  final Pools.UnitKind kind;
  final List<Pools.Template> templates = new ArrayList<>();
  final List<String> projects = new ArrayList<>();
  Integer renamedIn;
  /** A plant applied every year, or null. */
  Plant chronic;
  /** A plant applied in one year only, or null. */
  Plant oneOff;
  int oneOffYear;
  boolean satisfactionAtThreshold;
  /** The year from which one indicator of the unit form is printed reworded, or null. */
  Integer rewordedIn;
  int rewordedTemplate;

  GenUnit(String code, String city, Pools.Domain domain, Pools.UnitKind kind) {
    this.code = code;
    this.city = city;
    this.domain = domain;
    this.kind = kind;
  }

  String name(int year) {
    boolean renamed = renamedIn != null && year >= renamedIn;
    return city + (renamed ? domain.renamed() : domain.name()) + kind.suffix();
  }

  String indicatorName(int templateIndex, int year, boolean unitForm) {
    Pools.Template t = templates.get(templateIndex);
    boolean reworded = unitForm && rewordedIn != null && templateIndex == rewordedTemplate
        && year >= rewordedIn;
    return reworded ? t.reworded() : t.name();
  }

  /** Plants that hold for every form and year of the unit. */
  Set<Plant> standing(int year) {
    Set<Plant> s = EnumSet.noneOf(Plant.class);
    if (chronic != null) {
      s.add(chronic);
    }
    if (oneOff != null && oneOffYear == year) {
      s.add(oneOff);
    }
    if (satisfactionAtThreshold) {
      s.add(Plant.SATISFACTION_AT_THRESHOLD);
    }
    return s;
  }
}
