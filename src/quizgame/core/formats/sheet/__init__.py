"""The live-quiz spreadsheet (.xlsx): the template the best-known live quiz game builds quizzes
from, read and written with openpyxl.

A header row names the columns (question, answers 1 to 4, time limit in seconds, correct
answer numbers such as `1` or `1,3`); each row under it is a quiz question, or a true/false one
when its answers are True and False. Time limits are kept as `time_limit`. Export writes the
same template, the pack's own fields in the cells above the header. `template` describes the
columns once; `reading` and `writing` are the two ways.
"""
