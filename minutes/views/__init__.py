"""Views: each module one area of the site; views validate input, read through selectors
or services, and render."""
