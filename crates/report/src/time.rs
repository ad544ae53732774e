//! Times in statements: ISO 8601 timestamps to milliseconds since the Unix epoch, without a
//! date library (the report reads one per statement, and the wasm should not carry a calendar).

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Milliseconds since the epoch as an xAPI timestamp (`2026-12-05T12:00:00.000Z`).
pub fn ms_iso(ms: i64) -> String {
    let (day, rest) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (y, m, d) = civil(day);
    let (h, min, s, milli) = (
        rest / 3_600_000,
        rest / 60_000 % 60,
        rest / 1000 % 60,
        rest % 1000,
    );
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
}

/// Milliseconds since the epoch as the calendar date (UTC) `YYYY-MM-DD`.
pub fn ms_date(ms: i64) -> String {
    ms_iso(ms)[..10].to_string()
}

fn int(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A calendar date `YYYY-MM-DD` as the millisecond its day starts (UTC).
pub fn date_ms(s: &str) -> Option<i64> {
    let mut parts = s.splitn(3, '-');
    let (y, m, d) = (
        int(parts.next()?)?,
        int(parts.next()?)?,
        int(parts.next()?)?,
    );
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| days(y, m, d) * 86_400_000)
}

/// An xAPI timestamp (`2026-12-05T12:00:00.123Z`, `…+02:00`, no zone read as UTC) in ms.
pub fn iso_ms(s: &str) -> Option<i64> {
    let (date, rest) = s.split_once('T').or_else(|| s.split_once(' '))?;
    let day = date_ms(date)?;
    // The zone: `Z`, `+HH:MM`, `-HH:MM` (or `+HHMM`) after the clock.
    let (clock, offset_min) = if let Some(c) = rest.strip_suffix('Z').or(rest.strip_suffix('z')) {
        (c, 0)
    } else if let Some(i) = rest.rfind(['+', '-']) {
        let zone = rest.get(i + 1..)?.replace(':', "");
        let (h, m) = (int(zone.get(0..2)?)?, int(zone.get(2..).unwrap_or("0"))?);
        let sign = if rest.as_bytes()[i] == b'-' { -1 } else { 1 };
        (&rest[..i], sign * (h * 60 + m))
    } else {
        (rest, 0)
    };
    let mut hms = clock.splitn(3, ':');
    let h = int(hms.next()?)?;
    let m = int(hms.next()?)?;
    let (s, frac) = match hms.next() {
        Some(sec) => match sec.split_once('.') {
            Some((s, f)) => (int(s)?, f),
            None => (int(sec)?, ""),
        },
        None => (0, ""),
    };
    // Milliseconds from the first three fraction digits (more are finer than the report needs).
    let mut ms = 0;
    for (k, b) in frac.bytes().take(3).enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        ms += i64::from(b - b'0') * [100, 10, 1][k];
    }
    (h < 24 && m < 60 && s < 61).then(|| day + ((h * 60 + m - offset_min) * 60 + s) * 1000 + ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shapes_lrs_write() {
        assert_eq!(iso_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(iso_ms("1970-01-02T00:00:01.5Z"), Some(86_401_500));
        assert_eq!(iso_ms("2026-12-05T12:00:00.123Z"), Some(1_796_472_000_123));
        assert_eq!(
            iso_ms("2026-12-05T14:00:00.123+02:00"),
            iso_ms("2026-12-05T12:00:00.123Z")
        );
        assert_eq!(
            iso_ms("2026-12-05T12:00:00.123456+00:00"),
            Some(1_796_472_000_123)
        );
        assert_eq!(
            iso_ms("2026-12-05T07:00:00-0500"),
            iso_ms("2026-12-05T12:00:00Z")
        );
        assert_eq!(date_ms("2026-12-05"), Some(1_796_428_800_000));
        assert_eq!(ms_iso(1_796_472_000_123), "2026-12-05T12:00:00.123Z");
        assert_eq!(ms_iso(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(ms_date(951_782_400_000), "2000-02-29");
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-12-05T25:00Z",
            "2026-12-05",
        ] {
            assert_eq!(iso_ms(bad), None, "{bad}");
        }
    }
}
