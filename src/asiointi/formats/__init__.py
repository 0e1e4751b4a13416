"""Each language's own way of writing dates, times and numbers (FORMAT_MODULE_PATH).

Django's defaults are not what a reader here expects: English short dates are American
("02/03/2027"), Swedish ones ISO, and the time is written three ways. Finnish and Swedish (as
written in Finland) use "3.2.2027", "14.30" and a decimal comma; English uses "3 February 2027",
"14:30" and a decimal point. Each language has one time format, used alone and in date-times.
"""
