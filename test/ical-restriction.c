/*
 * Reads one iCalendar object from stdin with libical's parser, runs libical's restriction check
 * (RFC 5545 and, under a METHOD, RFC 5546's iTIP rules) and prints every problem libical found, one per
 * line: the X-LIC-ERROR properties the parser and the check add. No output and exit code 0: the object
 * passes. Exit code 1: it does not, or it could not be parsed at all.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_all(FILE *in) {
  size_t size = 0, capacity = 1 << 16;
  char *text = malloc(capacity);
  size_t got;
  while (text && (got = fread(text + size, 1, capacity - size - 1, in)) > 0) {
    size += got;
    if (capacity - size < 2) text = realloc(text, capacity *= 2);
  }
  if (text) text[size] = '\0';
  return text;
}

static int report(icalcomponent *component) {
  int problems = 0;
  for (icalproperty *error = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY); error;
       error = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
    printf("%s: %s\n", icalcomponent_kind_to_string(icalcomponent_isa(component)),
           icalproperty_get_xlicerror(error));
    problems++;
  }
  for (icalcomponent *child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); child;
       child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT))
    problems += report(child);
  return problems;
}

int main(void) {
  char *text = read_all(stdin);
  if (!text) return 2;
  icalcomponent *calendar = icalparser_parse_string(text);
  if (!calendar || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
    printf("not a VCALENDAR\n");
    return 1;
  }
  int valid = icalrestriction_check(calendar);
  int problems = report(calendar);
  if (!valid && problems == 0) printf("restriction check failed without a reason\n");
  icalcomponent_free(calendar);
  free(text);
  return valid && problems == 0 ? 0 : 1;
}
