// Stands in for the `array-foreach` package DKFDS's sources require (a development dependency of DKFDS,
// not installed with it): every supported browser has Array.prototype.forEach.
module.exports = function forEach(array, callback, thisArg) {
    Array.prototype.forEach.call(array, callback, thisArg);
};
