-- Exact decimal arithmetic for the peer. DuckDB divides decimals in DOUBLE; Spark and the Java
-- scorer divide in decimals and round half up, so the peer works on integers: a DECIMAL(22,6)
-- value x is the HUGEINT h6(x) = x * 10^6, and qdiv rounds num / den to an integer, half away
-- from zero (Java's HALF_UP), after multiplying num by p (a power of ten).
CREATE OR REPLACE MACRO h6(x) AS CAST(x * 1000000 AS HUGEINT);

CREATE OR REPLACE MACRO qdiv(num, den, p) AS
  CASE WHEN den = 0 THEN NULL
       ELSE (CASE WHEN (num < 0) <> (den < 0) THEN -1 ELSE 1 END)
            * ((2 * abs(num) * p + abs(den)) // (2 * abs(den)))
  END;

-- the same, half to even (Spark's bround, Java's DECIMAL64 MathContext)
CREATE OR REPLACE MACRO qdiv_even(num, den, p) AS
  CASE WHEN den = 0 THEN NULL
       ELSE (CASE WHEN (num < 0) <> (den < 0) THEN -1 ELSE 1 END)
            * ((abs(num) * p) // abs(den)
               + CASE WHEN 2 * ((abs(num) * p) % abs(den)) > abs(den) THEN 1
                      WHEN 2 * ((abs(num) * p) % abs(den)) = abs(den)
                        THEN ((abs(num) * p) // abs(den)) % 2
                      ELSE 0 END)
  END;

-- Java's a.divide(b, MathContext.DECIMAL64): the quotient of two positive integers at the
-- scale that leaves it 16 significant digits (returned with that scale)
CREATE OR REPLACE MACRO sig16_scale(num, den) AS
  15 - CAST(floor(log10(num::DOUBLE / den::DOUBLE)) AS INTEGER);

-- an integer at scale 6 back to DECIMAL(22,6); at scale 2 (scores) likewise
CREATE OR REPLACE MACRO dec6(q) AS
  CAST(CAST(q AS DECIMAL(28, 0)) * CAST(0.000001 AS DECIMAL(10, 6)) AS DECIMAL(22, 6));
CREATE OR REPLACE MACRO dec_scale(q, s) AS
  CAST(CAST(q AS DECIMAL(28, 0)) * CAST(0.000001 AS DECIMAL(10, 6))
       * CAST(pow(10, 6 - s) AS BIGINT) AS DECIMAL(22, 6));
