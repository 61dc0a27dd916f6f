"""Learning content building blocks: StreamField blocks, the duration estimate, choice
fields, and the page form and panel that keep a module within its time."""
