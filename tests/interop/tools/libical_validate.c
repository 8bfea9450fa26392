/* Reads an iCalendar file with libical, the parser of Evolution, and prints
 * every problem libical finds: parse errors and the restriction checks
 * (icalrestriction_check: RFC 5545 cardinalities and, when the calendar
 * has a METHOD, RFC 5546 iTIP rules), as the X-LIC-ERROR properties that
 * libical adds to the component tree. Exit 0 with no output when clean,
 * 1 when libical reports errors, 2 when the file cannot be read.
 * Then one line per VEVENT on stdout after a "--" line:
 * UID <tab> DTSTART as UTC seconds or DATE <tab> DTEND likewise <tab> SUMMARY
 * so that the test can compare what libical decodes with govcal's JSON.
 *
 *   cc libical_validate.c $(pkg-config --cflags --libs libical) -o v
 *   v FILE.ics
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 >= cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (buf) buf[len] = '\0';
    return buf;
}

static int report_errors(icalcomponent *c, int depth) {
    int found = 0;
    for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
        printf("%s: %s\n", icalcomponent_kind_to_string(icalcomponent_isa(c)),
               icalproperty_get_xlicerror(p));
        found++;
    }
    for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s;
         s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        found += report_errors(s, depth + 1);
    return found;
}

static void print_time(struct icaltimetype t, icaltimezone *zone_unused) {
    (void)zone_unused;
    if (icaltime_is_null_time(t)) {
        printf("-");
    } else if (t.is_date) {
        printf("%04d%02d%02d", t.year, t.month, t.day);
    } else {
        printf("%lld", (long long)icaltime_as_timet_with_zone(t, t.zone));
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.ics\n", argv[0]);
        return 2;
    }
    char *text = slurp(argv[1]);
    if (!text) {
        perror(argv[1]);
        return 2;
    }
    icalcomponent *cal = icalparser_parse_string(text);
    if (!cal) {
        printf("libical could not parse the file\n");
        return 1;
    }
    icalrestriction_check(cal);
    int errors = report_errors(cal, 0);
    printf("--\n");
    for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        const char *uid = icalcomponent_get_uid(e);
        const char *summary = icalcomponent_get_summary(e);
        printf("%s\t", uid ? uid : "");
        print_time(icalcomponent_get_dtstart(e), NULL);
        printf("\t");
        print_time(icalcomponent_get_dtend(e), NULL);
        printf("\t%s\n", summary ? summary : "");
    }
    icalcomponent_free(cal);
    free(text);
    return errors ? 1 : 0;
}
