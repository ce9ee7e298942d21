// The most common passwords of 10+ characters from public breach corpora (the shorter ones are
// already refused by the length rule). Kept short on purpose: the length rule does most of the work.
export const COMMON_PASSWORDS = new Set([
  "1234567890", "123456789a", "1234567891", "0123456789", "1q2w3e4r5t", "qwertyuiop", "1qaz2wsx3edc",
  "password12", "password123", "password1234", "passw0rd123", "iloveyou12", "qwerty1234", "qwerty12345",
  "1234qwerty", "abcdefghij", "abc1234567", "a123456789", "zaq12wsxcde", "football12", "baseball12",
  "letmein123", "welcome123", "welcome1234", "admin12345", "administrator", "sunshine12", "princess12",
  "1111111111", "0000000000", "9876543210", "qazwsxedcrfv", "asdfghjkl1", "asdfghjkl;", "monkey1234",
  "dragon1234", "trustno1234", "superman12", "starwars12", "whatever12", "changeme123", "computer12",
  "backchannel", "backchannel1", "backchannel123", "student123", "teacher123", "school1234",
]);
