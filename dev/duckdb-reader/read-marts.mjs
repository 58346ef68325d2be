#!/usr/bin/env node
// Reads the four selfeval marts with DuckDB (no Spark, no Delta) and prints one JSON object:
// per mart the row count, DuckDB's column names and types, rows per fiscal year and a few
// values. DuckDBMartsReadTest compares it with the Delta tables read through Spark.
//
//   node read-marts.mjs <warehouse>
//
// Exit codes: 0 done, 1 a mart could not be read (the message names the file), 2 bad usage.
// DECIMAL and BIGINT values are printed as strings, exactly as DuckDB holds them.

import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, version } from '@duckdb/node-api';

const MARTS = ['form_scorecard', 'indicator_deviations', 'inflation_flags', 'unit_year_profiles'];

// A few values per mart, each query over the view `mart` (one mart's parquet files).
const VALUES = {
  form_scorecard: {
    forms: `SELECT form_id, fiscal_year, form_kind, project_name, reported_total,
                   inflation_points, risk_score, flags_high, flags_medium, flags_low, flags_total,
                   executed_wan_yuan
            FROM mart ORDER BY form_id`,
    totals: `SELECT sum(flags_total)::INTEGER AS flags_total,
                    sum(executed_wan_yuan) AS executed_wan_yuan,
                    sum(reported_total) AS reported_total
             FROM mart`,
  },
  indicator_deviations: {
    by_status: `SELECT status, count(*)::INTEGER AS rows, sum(score_excess) AS score_excess
                FROM mart GROUP BY status ORDER BY status`,
    totals: `SELECT sum(score_excess) AS score_excess, sum(score) AS score,
                    sum(weight) AS weight, count(expected_score)::INTEGER AS with_expected_score
             FROM mart`,
  },
  inflation_flags: {
    by_rule: `SELECT rule_id, count(*)::INTEGER AS rows FROM mart GROUP BY rule_id
              ORDER BY rule_id`,
    by_severity: `SELECT severity, count(*)::INTEGER AS rows FROM mart GROUP BY severity
                  ORDER BY severity`,
  },
  unit_year_profiles: {
    profiles: `SELECT unit_id, fiscal_year, unit_name, forms, indicator_rows, flags, high_flags,
                      exact_hit_share, execution_rate, inflation_points
               FROM mart ORDER BY unit_id, fiscal_year`,
  },
};

class MartError extends Error {}

// DuckDB appends the query and a caret to its messages; the first line says what went wrong.
function firstLine(message) {
  return message.split('\n')[0];
}

function sqlString(s) {
  return `'${s.replaceAll("'", "''")}'`;
}

async function rows(connection, sql) {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson();
}

// The file a failure is about: DuckDB names it in most messages; if not, read each file alone.
async function failingFile(connection, files) {
  for (const file of files) {
    try {
      await connection.run(`SELECT count(*) FROM read_parquet(${sqlString(file)})`);
    } catch (e) {
      return `${file}: ${firstLine(e.message)}`;
    }
  }
  return null;
}

async function readMart(connection, warehouse, mart) {
  const dir = path.join(warehouse, 'marts', mart);
  if (!existsSync(dir)) {
    throw new MartError(`${dir}: no such mart (has publish run on this warehouse?)`);
  }
  const real = realpathSync(dir);
  const pattern = `${dir}/**/*.parquet`;
  const files = (await rows(connection, `SELECT file FROM glob(${sqlString(pattern)})`))
    .map((r) => r.file);
  if (files.length === 0) {
    throw new MartError(`${dir} (${real}): no parquet files`);
  }
  const runIdFile = path.join(dir, '_RUN_ID');
  const result = {
    path: pattern,
    version_folder: real,
    run_id: existsSync(runIdFile) ? readFileSync(runIdFile, 'utf8').trim() : null,
    files: files.length,
  };
  try {
    await connection.run(`CREATE OR REPLACE VIEW mart AS SELECT * FROM
        read_parquet(${sqlString(pattern)}, hive_partitioning = true)`);
    result.columns = (await rows(connection, 'DESCRIBE mart')).map((c) => ({
      name: c.column_name,
      type: c.column_type,
    }));
    result.rows = (await rows(connection, 'SELECT count(*)::INTEGER AS n FROM mart'))[0].n;
    result.rows_by_fiscal_year = Object.fromEntries((await rows(connection,
      `SELECT coalesce(fiscal_year::VARCHAR, 'null') AS y, count(*)::INTEGER AS n
       FROM mart GROUP BY fiscal_year ORDER BY fiscal_year`)).map((r) => [r.y, r.n]));
    result.values = {};
    for (const [name, sql] of Object.entries(VALUES[mart])) {
      result.values[name] = await rows(connection, sql);
    }
  } catch (e) {
    const culprit = await failingFile(connection, files);
    throw new MartError(`${mart}: ${culprit ?? `${pattern}: ${firstLine(e.message)}`}`);
  }
  return result;
}

async function main(args) {
  if (args.length !== 1 || args[0].startsWith('-')) {
    process.stderr.write('usage: node read-marts.mjs <warehouse>\n');
    return 2;
  }
  const warehouse = path.resolve(args[0]);
  if (!existsSync(warehouse) || !statSync(warehouse).isDirectory()) {
    process.stderr.write(`read-marts: ${warehouse}: no such warehouse folder\n`);
    return 1;
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const out = { duckdb_version: version(), warehouse, marts: {} };
    for (const mart of MARTS) {
      out.marts[mart] = await readMart(connection, warehouse, mart);
    }
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`read-marts: ${e instanceof MartError ? e.message : e.stack}\n`);
    return 1;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

process.exitCode = await main(process.argv.slice(2));
