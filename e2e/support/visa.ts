/**
 * Passport details a consulate accepts, for a delegate of the demo's 2017 meeting (Monday 24 April 2017):
 * a letter asked for through the API comes with them, as the form asks for them.
 */
export const passport2017 = {
  passportNumber: "E12345678",
  nationality: "CN",
  birthDate: "1975-05-01",
  passportExpiry: "2027-01-01",
  arrivalDate: "2017-04-22",
  departureDate: "2017-04-27",
};
