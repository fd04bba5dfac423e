"""The scale benchmark behind `manage.py bench`: build, measure, print one table."""
