// Post the deep linking answer back to the LMS at once; the button is there without script.
document.getElementById("return-to-lms").submit();
