"""The public page of contacts in the portal's sitemaps (collected by core.sitemaps): the map of
training centres. The contact points themselves are for members and never listed."""

from core.sitemaps import PagesSitemap


class TrainingCentresSitemap(PagesSitemap):
    url_names = ("contacts:training_centres",)
    changefreq = "monthly"
    priority = 0.6


SITEMAPS = {"training-centres": TrainingCentresSitemap}
