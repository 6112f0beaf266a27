"""argparse front end over the services. Never imports Qt."""
