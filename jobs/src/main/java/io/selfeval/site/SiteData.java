package io.selfeval.site;

import io.selfeval.site.SiteRows.BudgetLine;
import io.selfeval.site.SiteRows.Flag;
import io.selfeval.site.SiteRows.Form;
import io.selfeval.site.SiteRows.Indicator;
import io.selfeval.site.SiteRows.UnitLink;
import io.selfeval.site.SiteRows.UnitYear;
import java.util.List;

/** Everything the site shows, as plain rows; the run id names the published marts. */
public record SiteData(String runId, List<Form> forms, List<BudgetLine> budgetLines,
    List<Indicator> indicators, List<Flag> flags, List<UnitYear> unitYears,
    List<UnitLink> unitLinks) {}
