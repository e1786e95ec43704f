package io.jobstream.report.page;

import io.jobstream.report.chart.SvgChart;
import java.util.List;

/** One section of the report: a heading, a sentence on what it shows, its charts and tables. */
public record Panel(String id, String title, String intro, List<SvgChart> charts, List<Table> tables) {}
